/// Why the bridge's database could not be read or written.
public enum BridgeStorageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// RocksDB refused (the directory is locked by another bridge process, unwritable, corrupt).
    case database(String)
    /// A stored record is not what this version of the bridge wrote.
    case corrupt(String)

    public var description: String {
        switch self {
        case .database(let m): return "bridge database: \(m)"
        case .corrupt(let m): return "bridge database is corrupt: \(m)"
        }
    }
}
