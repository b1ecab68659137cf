/// Why the custody ledger refused an operation. Nothing was changed, in memory or in the store.
public enum CustodyLedgerError: Error, Sendable, CustomStringConvertible {
    /// The book refused a movement.
    case book(CustodyBookError)
    /// A statement file is malformed.
    case file(StatementFileError)
    /// A statement's pages conflict with what was imported before.
    case statements(StatementRegisterError)
    /// The store failed; its own error says why.
    case store(String)
    /// What the store holds does not replay: it was written by something else, or the calendar changed.
    case replay(String)

    public var description: String {
        switch self {
        case .book(let e): return e.description
        case .file(let e): return e.description
        case .statements(let e): return e.description
        case .store(let s): return "the custody store failed: \(s)"
        case .replay(let s): return "the custody store does not replay: \(s)"
        }
    }
}
