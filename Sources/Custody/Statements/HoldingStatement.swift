/// A statement of holdings, whatever file format it came in: id, account, as-of
/// date, how many pages it had, and per-ISIN balances of the account and of its
/// sub-accounts.
public struct HoldingStatement: Hashable, Sendable, Codable {
    public let id: String
    public let owner: AccountOwner?
    public let asOf: SettlementDate
    public let update: StatementUpdateType
    public let pageCount: Int
    /// Holdings of the statement's account.
    public let holdings: AccountHoldings
    /// Holdings of sub-accounts, sorted by account.
    public let subAccounts: [AccountHoldings]

    public init(
        id: String, owner: AccountOwner? = nil, asOf: SettlementDate, update: StatementUpdateType, pageCount: Int = 1,
        holdings: AccountHoldings, subAccounts: [AccountHoldings] = []
    ) {
        self.id = id
        self.owner = owner
        self.asOf = asOf
        self.update = update
        self.pageCount = pageCount
        self.holdings = holdings
        self.subAccounts = subAccounts.sorted { $0.account < $1.account }
    }

    /// The statement's account.
    public var account: SafekeepingAccount { holdings.account }

    /// The aggregate balance of `isin` in the statement's account (zero when not held).
    public func aggregate(of isin: ISIN) -> Quantity { holdings.balances[isin]?.aggregate ?? .zero }
}
