import Node

/// The journaled custodian transactions in the database's `meta` family, under
/// `tx:<key>`, each write synced.
public struct TransactionJournal: Sendable {
    private static let prefix = Array("tx:".utf8)
    private let database: BridgeDatabase

    public init(database: BridgeDatabase) {
        self.database = database
    }

    /// Stores `transaction`, replacing the earlier record of its key; synced.
    public func write(_ transaction: JournaledTransaction) throws(BridgeStorageError) {
        var batch = RocksDB.WriteBatch()
        batch.put(Self.prefix + Array(transaction.key.utf8), try BridgeDatabase.encode(transaction), in: database.meta)
        try database.write(batch)
    }

    /// The record of `key`, if any.
    public func transaction(for key: String) throws(BridgeStorageError) -> JournaledTransaction? {
        guard let bytes = try database.get(Self.prefix + Array(key.utf8), in: database.meta) else { return nil }
        return try BridgeDatabase.decode(JournaledTransaction.self, bytes, family: "transaction journal")
    }

    /// Every record whose key starts with `keyPrefix`.
    public func all(keyPrefix: String = "") throws(BridgeStorageError) -> [JournaledTransaction] {
        let wanted = Self.prefix + Array(keyPrefix.utf8)
        return try database.values(in: database.meta).filter { $0.key.starts(with: wanted) }.map { entry throws(BridgeStorageError) in
            try BridgeDatabase.decode(JournaledTransaction.self, entry.value, family: "transaction journal")
        }
    }
}
