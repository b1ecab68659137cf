import Node

/// The dividend receipts in the database's `meta` family under `dividend:<reference>`, synced.
public struct DividendReceiptStore: Sendable {
    private static let prefix = Array("dividend:".utf8)
    private let database: BridgeDatabase

    public init(database: BridgeDatabase) {
        self.database = database
    }

    public func write(_ receipt: DividendReceipt) throws(BridgeStorageError) {
        var batch = RocksDB.WriteBatch()
        batch.put(Self.prefix + Array(receipt.reference.utf8), try BridgeDatabase.encode(receipt), in: database.meta)
        try database.write(batch)
    }

    public func receipt(reference: String) throws(BridgeStorageError) -> DividendReceipt? {
        guard let bytes = try database.get(Self.prefix + Array(reference.utf8), in: database.meta) else { return nil }
        return try BridgeDatabase.decode(DividendReceipt.self, bytes, family: "dividend receipt")
    }

    /// Every receipt, by reference.
    public func all() throws(BridgeStorageError) -> [DividendReceipt] {
        try database.values(in: database.meta).filter { $0.key.starts(with: Self.prefix) }.map { entry throws(BridgeStorageError) in
            try BridgeDatabase.decode(DividendReceipt.self, entry.value, family: "dividend receipt")
        }
    }
}
