/// What became of one page given to the statement register.
public enum StatementOutcome: Hashable, Sendable {
    /// The page is held: its statement still misses pages (`lastPage` nil while the
    /// last page is unknown).
    case held(statementId: String, account: SafekeepingAccount, receivedPages: [Int], lastPage: Int?)
    /// The page completed its statement, which is applied (as reported).
    case applied(HoldingStatement)
    /// The same page was already received; nothing changed.
    case duplicate(statementId: String, page: Int)
}
