/// What one `dividends declare` or `dividends pay` run did.
public struct DividendReport: Sendable {
    /// Open journal records from an interrupted run and what became of them.
    public var resolved: [JournaledTransaction] = []
    /// USD minted to the custodian for a receipt: reference, USD units, whether found minted already.
    public var minted: [(reference: String, amount: UInt64, found: Bool)] = []
    /// Receipts declared in this run (with their dividend id, times and funding).
    public var declared: [DividendReceipt] = []
    /// Holders paid by push, per receipt, and whether every holder of record is now paid.
    public var pushed: [(reference: String, holders: Int, fullyPaid: Bool)] = []
    /// Declared receipts whose pay time has not come: reference, pay time.
    public var notYetPayable: [(reference: String, payTime: UInt64)] = []
    /// Receipts not passed on, with the reason.
    public var refused: [(reference: String, reason: String)] = []
    /// Sent without a receipt yet; the next run resolves them.
    public var pending: [JournaledTransaction] = []

    public init() {}

    /// Nothing refused or pending.
    public var isClean: Bool { refused.isEmpty && pending.isEmpty }
}
