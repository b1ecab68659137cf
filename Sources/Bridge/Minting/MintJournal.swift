import Node

/// The mint intents in the bridge's database (`journal` column family), one per
/// deposit id, each write synced. Written BEFORE a transaction is sent, updated when
/// its outcome is known.
public struct MintJournal: Sendable {
    private let database: BridgeDatabase

    public init(database: BridgeDatabase) {
        self.database = database
    }

    /// Stores `intent`, replacing the deposit's earlier one; synced before it returns.
    public func write(_ intent: MintIntent) throws(BridgeStorageError) {
        guard let id = Hex.decode(intent.depositId), id.count == 32 else { throw .corrupt("deposit id \(intent.depositId) is not 32 bytes") }
        var batch = RocksDB.WriteBatch()
        batch.put(id, try BridgeDatabase.encode(intent), in: database.journal)
        try database.write(batch)
    }

    /// The intent of a deposit id, if any.
    public func intent(for depositId: Bytes32) throws(BridgeStorageError) -> MintIntent? {
        guard let bytes = try database.get(depositId.bytes, in: database.journal) else { return nil }
        return try BridgeDatabase.decode(MintIntent.self, bytes, family: "journal")
    }

    /// Every intent, by deposit id.
    public func all() throws(BridgeStorageError) -> [MintIntent] {
        try database.values(in: database.journal).map { entry throws(BridgeStorageError) in
            try BridgeDatabase.decode(MintIntent.self, entry.value, family: "journal")
        }
    }

    /// The intents still open, in nonce order.
    public func open() throws(BridgeStorageError) -> [MintIntent] {
        try all().filter { $0.state == .open }.sorted { $0.nonce < $1.nonce }
    }
}
