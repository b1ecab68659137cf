import Custody

/// The statements the end-to-end tests feed the bridge: the devnet opens with 5,000
/// shares of each asset in the reserve (its genesis `openingReserve`).
enum Statements {
    static let reserve = "RSV-OMNIBUS-01"
    static let isins = ["US0378331005", "US5949181045", "US67066G1040", "US88160R1014", "US78462F1030"]

    /// A complete CSV statement of the reserve: 5,000 of each asset.
    static func opening(asOf: String = "2026-01-05") -> String {
        "statement_id,account,as_of,update_type,isin,aggregate\n"
            + isins.map { "OPEN-1,\(reserve),\(asOf),COMP,\($0),5000" }.joined(separator: "\n") + "\n"
    }

    /// A semt.002.001.12 delta statement: AAPL at `aapl` shares, the wallet to mint to.
    static func deposit(aapl: UInt64, wallet: String, id: String = "SBC-DEP-1", asOf: String = "2026-01-06") throws -> String {
        let statement = HoldingStatement(
            id: id, owner: nil, asOf: try SettlementDate(parsing: asOf), update: .delta, pageCount: 1,
            holdings: AccountHoldings(
                account: try SafekeepingAccount(reserve), wallet: try WalletAddress(wallet),
                balances: [try ISIN("US0378331005"): try HoldingBalance(aggregate: Quantity(whole: aapl)!)]))
        return try Semt002Writer.write(statement, version: .v12)
    }

    /// A CSV delta statement of the reserve's AAPL.
    static func aapl(_ shares: String, id: String, asOf: String) -> String {
        "statement_id,account,as_of,update_type,isin,aggregate\n\(id),\(reserve),\(asOf),DELT,US0378331005,\(shares)\n"
    }
}
