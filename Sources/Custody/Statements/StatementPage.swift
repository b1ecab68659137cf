/// One page of a statement as read from a file. Pages of a statement share its id,
/// account and date; the register holds them until every page is in.
public struct StatementPage: Hashable, Sendable, Codable {
    public let format: StatementFormat
    /// The statement's id, the same on every page.
    public let statementId: String
    /// 1-based page number.
    public let number: Int
    /// Whether this is the statement's last page (`LastPgInd`, `:28E:…/LAST` or `ONLY`).
    public let isLast: Bool
    /// The page's own message reference (MT535 `:20C::SEME//`), if it has one.
    public let pageReference: String?
    public let owner: AccountOwner?
    public let asOf: SettlementDate
    public let update: StatementUpdateType
    /// Holdings of the statement's account reported on this page.
    public let holdings: AccountHoldings
    /// Holdings of sub-accounts reported on this page, in file order.
    public let subAccounts: [AccountHoldings]

    public init(
        format: StatementFormat, statementId: String, number: Int, isLast: Bool, pageReference: String? = nil,
        owner: AccountOwner? = nil, asOf: SettlementDate, update: StatementUpdateType,
        holdings: AccountHoldings, subAccounts: [AccountHoldings] = []
    ) {
        self.format = format
        self.statementId = statementId
        self.number = number
        self.isLast = isLast
        self.pageReference = pageReference
        self.owner = owner
        self.asOf = asOf
        self.update = update
        self.holdings = holdings
        self.subAccounts = subAccounts
    }

    /// The statement's account.
    public var account: SafekeepingAccount { holdings.account }
}
