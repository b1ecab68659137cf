import Node

/// How far the bridge has followed `Redemption` events: the next block to read and
/// the highest redemption id booked. Kept in the database's `meta` family.
public struct RedemptionCursor: Codable, Sendable, Equatable {
    /// The first block not read yet.
    public var nextBlock: UInt64
    /// The highest redemption id turned into a custody withdrawal (0: none).
    public var lastId: UInt64

    public init(nextBlock: UInt64 = 0, lastId: UInt64 = 0) {
        self.nextBlock = nextBlock
        self.lastId = lastId
    }

    private static let key = Array("redemption-cursor".utf8)

    /// The stored cursor, or the start of the chain.
    public static func load(from database: BridgeDatabase) throws(BridgeStorageError) -> RedemptionCursor {
        guard let bytes = try database.get(key, in: database.meta) else { return RedemptionCursor() }
        return try BridgeDatabase.decode(RedemptionCursor.self, bytes, family: "redemption cursor")
    }

    /// Stores the cursor, synced.
    public func save(to database: BridgeDatabase) throws(BridgeStorageError) {
        var batch = RocksDB.WriteBatch()
        batch.put(Self.key, try BridgeDatabase.encode(self), in: database.meta)
        try database.write(batch)
    }
}
