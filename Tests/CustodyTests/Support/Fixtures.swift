import Foundation
@testable import Custody

/// Shared values of the custody tests.
enum Fixtures {
    /// NYSE full-day closures in 2026 as published by the exchange (issue 5).
    static let nyse2026 = HolidayCalendar(
        coveredYears: 2026...2026,
        holidays: Set(["2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25",
                       "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"].map { date($0) }))

    static let aapl = isin("US0378331005")
    static let msft = isin("US5949181045")
    static let nvda = isin("US67066G1040")
    static let tsla = isin("US88160R1014")
    static let spy = isin("US78462F1030")

    static let reserve = account("RSV-OMNIBUS-01")
    static let pledge = account("RSV-OMNIBUS-01-PLEDGE")
    static let customer = account("CUST-4471")
    static let wallet = try! WalletAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")

    static func date(_ text: String) -> SettlementDate { try! SettlementDate(parsing: text) }
    static func isin(_ text: String) -> ISIN { try! ISIN(text) }
    static func account(_ text: String) -> SafekeepingAccount { try! SafekeepingAccount(text) }
    static func q(_ text: String) -> Quantity { try! Quantity(parsing: text) }

    /// A sample statement file from `Samples/`.
    static func sample(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples").appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Aggregate balances per account and ISIN, the part of a statement every format carries.
    static func aggregates(_ s: HoldingStatement) -> [SafekeepingAccount: [ISIN: Quantity]] {
        var result: [SafekeepingAccount: [ISIN: Quantity]] = [:]
        for holdings in [s.holdings] + s.subAccounts { result[holdings.account] = holdings.balances.mapValues(\.aggregate) }
        return result
    }

    /// What the reserve account held on 2026-11-27, as every two-page sample reports it.
    static let reserveOn20261127: [SafekeepingAccount: [ISIN: Quantity]] = [
        reserve: [aapl: q("100"), msft: q("12.5"), tsla: q("7")],
        pledge: [nvda: q("40.125")],
    ]

    static func movement(
        _ reference: String, _ kind: MovementKind, account: SafekeepingAccount = reserve, isin: ISIN = aapl,
        _ quantity: String, trade: String, settle: String, currency: String? = nil, chainAddress: WalletAddress? = nil
    ) -> Movement {
        Movement(reference: reference, kind: kind, account: account, isin: isin, quantity: q(quantity), currency: currency,
                 tradeDate: date(trade), settlementDate: date(settle), counterparty: "DTC 0352", chainAddress: chainAddress)
    }
}
