import Custody
import Node

/// The custody ledger kept in the bridge's RocksDB database, so the book and its
/// statements survive restarts. Each call is one synced write batch. A movement is
/// stored once per reference (a reference already stored is left as it is), so a
/// movement recorded twice, by a retry or a replay after a crash, counts once.
public struct RocksDBCustodyLedgerStore: CustodyLedgerStore, Sendable {
    private static let settledThroughKey = Array("settled-through".utf8)

    private let database: BridgeDatabase

    public init(database: BridgeDatabase) {
        self.database = database
    }

    public mutating func appendMovement(_ movement: Movement) throws {
        let reference = Array(movement.reference.utf8)
        if try database.get(reference, in: database.movementReferences) != nil { return }
        let sequence = BridgeDatabase.sequenceKey(try database.nextSequence(in: database.movements))
        var batch = RocksDB.WriteBatch()
        batch.put(sequence, try BridgeDatabase.encode(movement), in: database.movements)
        batch.put(reference, sequence, in: database.movementReferences)
        try database.write(batch)
    }

    public func loadMovements() throws -> [Movement] {
        try database.values(in: database.movements).map { entry throws(BridgeStorageError) in
            try BridgeDatabase.decode(Movement.self, entry.value, family: "movement")
        }
    }

    public mutating func recordSettlement(through date: SettlementDate) throws {
        var batch = RocksDB.WriteBatch()
        batch.put(Self.settledThroughKey, try BridgeDatabase.encode(date), in: database.meta)
        try database.write(batch)
    }

    public func loadSettledThrough() throws -> SettlementDate? {
        guard let bytes = try database.get(Self.settledThroughKey, in: database.meta) else { return nil }
        return try BridgeDatabase.decode(SettlementDate.self, bytes, family: "settlement date")
    }

    public mutating func appendStatementPages(_ pages: [StatementPage]) throws {
        var next = try database.nextSequence(in: database.statementPages)
        var batch = RocksDB.WriteBatch()
        for page in pages {
            batch.put(BridgeDatabase.sequenceKey(next), try BridgeDatabase.encode(page), in: database.statementPages)
            next += 1
        }
        try database.write(batch)
    }

    public func loadStatementPages() throws -> [StatementPage] {
        try database.values(in: database.statementPages).map { entry throws(BridgeStorageError) in
            try BridgeDatabase.decode(StatementPage.self, entry.value, family: "statement page")
        }
    }
}
