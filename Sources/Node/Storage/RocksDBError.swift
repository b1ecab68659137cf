import CRocksDB

/// Why a storage operation failed. Nothing was written when one of these is thrown.
public enum RocksDBError: Error, Equatable, Sendable, CustomStringConvertible {
    /// RocksDB itself reported a failure; `message` is its own text (for example
    /// "IO error: While lock file: /data/LOCK: Resource temporarily unavailable").
    case rocksDB(operation: String, path: String, message: String)
    /// The database was closed (explicitly or by a failed open) before this call.
    case closed(operation: String, path: String)
    /// No column family of that name is open in this database.
    case unknownColumnFamily(name: String, path: String, available: [String])
    /// A column family name RocksDB cannot store (empty or containing a NUL byte).
    case invalidColumnFamilyName(String)
    /// A column family, snapshot or batch entry taken from another `RocksDB` instance.
    case foreignHandle(operation: String, path: String)
    /// A database path RocksDB cannot be given (empty or containing a NUL byte).
    case invalidPath(String)
    /// A configuration value outside what RocksDB accepts or what makes sense for a node.
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case let .rocksDB(operation, path, message):
            return "RocksDB \(operation) failed for \(path): \(message)"
        case let .closed(operation, path):
            return "RocksDB \(operation) on \(path): the database is closed; open it again to use it"
        case let .unknownColumnFamily(name, path, available):
            return "RocksDB \(path) has no open column family '\(name)'; open ones: "
                + available.map { "'\($0)'" }.joined(separator: ", ")
                + ". Pass it to RocksDB(path:columnFamilies:) to create it"
        case let .invalidColumnFamilyName(name):
            return "invalid column family name '\(name)': it must be non-empty and contain no NUL byte"
        case let .foreignHandle(operation, path):
            return "RocksDB \(operation) on \(path): the column family or snapshot belongs to another open database"
        case let .invalidPath(path):
            return "invalid database path '\(path)': it must be non-empty and contain no NUL byte"
        case let .invalidConfiguration(reason):
            return "invalid RocksDB configuration: \(reason)"
        }
    }
}

extension RocksDBError {
    /// Throws `.rocksDB` with the message a C call left in its `errptr`, freeing it
    /// (RocksDB allocates it with `malloc`); does nothing when there is none.
    static func throwIfSet(
        _ message: UnsafeMutablePointer<CChar>?, operation: String, path: String
    ) throws(RocksDBError) {
        guard let message else { return }
        let text = String(cString: message)
        rocksdb_free(message)
        throw .rocksDB(operation: operation, path: path, message: text)
    }
}
