extension RocksDB {
    /// An open column family of one `RocksDB`: a separately ordered key space (blocks,
    /// receipts, state, ...) that shares the database's WAL, so one write batch can span
    /// several column families atomically.
    ///
    /// Get one from `RocksDB.columnFamily(_:)`. It is only valid with the database that
    /// returned it; with another one (even at the same path, reopened) operations throw
    /// `RocksDBError.foreignHandle`.
    public struct ColumnFamily: Sendable, CustomStringConvertible {
        /// The column family's name as stored by RocksDB.
        public let name: String
        /// Position of the native handle in the owner's handle list.
        let index: Int
        /// The database whose handle this is; compared by identity.
        let owner: RocksDB

        public var description: String { name }
    }
}
