import Foundation
import Node

/// The bridge's RocksDB database (`DATADIR/db`): the custody ledger (movements,
/// statement pages, settlement date), the mint journal and the redemption cursor,
/// each in its own column family. Every write is one synced write batch, so what a
/// call has written survives SIGKILL and power loss, and a failed call wrote nothing.
public final class BridgeDatabase: Sendable {
    /// Column families, by role.
    enum Family: String, CaseIterable {
        /// 8-byte big-endian sequence → a movement as JSON, in booking order.
        case movements
        /// A movement reference (UTF-8) → its sequence: the idempotence index.
        case movementReferences = "movement-references"
        /// 8-byte big-endian sequence → a statement page as JSON, in import order.
        case statementPages = "statement-pages"
        /// Mint intents by deposit id (32 bytes) → JSON (`MintIntent`).
        case journal
        /// Small named values: the settlement date, the redemption cursor.
        case meta
    }

    let rocks: RocksDB
    let movements: RocksDB.ColumnFamily
    let movementReferences: RocksDB.ColumnFamily
    let statementPages: RocksDB.ColumnFamily
    let journal: RocksDB.ColumnFamily
    let meta: RocksDB.ColumnFamily

    /// Opens (creating if missing) the database at `path`.
    public init(path: String) throws(BridgeStorageError) {
        var configuration = RocksDB.Configuration()
        // The bridge keeps thousands of records, not millions: small caches.
        configuration.blockCacheBytes = 8 << 20
        configuration.writeBufferBytes = 4 << 20
        do {
            rocks = try RocksDB(path: path, columnFamilies: Family.allCases.map(\.rawValue), configuration: configuration)
            movements = try rocks.columnFamily(Family.movements.rawValue)
            movementReferences = try rocks.columnFamily(Family.movementReferences.rawValue)
            statementPages = try rocks.columnFamily(Family.statementPages.rawValue)
            journal = try rocks.columnFamily(Family.journal.rawValue)
            meta = try rocks.columnFamily(Family.meta.rawValue)
        } catch {
            throw .database(error.description)
        }
    }

    /// Closes the database; later calls fail with `.database`.
    public func close() { rocks.close() }

    // MARK: Helpers shared by the stores

    func write(_ batch: RocksDB.WriteBatch) throws(BridgeStorageError) {
        do { try rocks.write(batch, sync: true) } catch { throw .database(error.description) }
    }

    func get(_ key: [UInt8], in family: RocksDB.ColumnFamily) throws(BridgeStorageError) -> [UInt8]? {
        do { return try rocks.get(key, in: family) } catch { throw .database(error.description) }
    }

    func values(in family: RocksDB.ColumnFamily) throws(BridgeStorageError) -> [RocksDB.Entry] {
        do { return try rocks.entries(in: family) } catch { throw .database(error.description) }
    }

    /// The sequence after the last key of a sequence-keyed family.
    func nextSequence(in family: RocksDB.ColumnFamily) throws(BridgeStorageError) -> UInt64 {
        let last: [RocksDB.Entry]
        do { last = try rocks.entries(in: family, direction: .reverse, limit: 1) } catch { throw .database(error.description) }
        guard let key = last.first?.key else { return 0 }
        guard key.count == 8 else { throw .corrupt("\(family.name) key of \(key.count) bytes, expected 8") }
        return key.reduce(0) { $0 << 8 | UInt64($1) } + 1
    }

    static func sequenceKey(_ n: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: n >> (56 - 8 * $0)) } }

    static func encode<T: Encodable>(_ value: T) throws(BridgeStorageError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do { return Array(try encoder.encode(value)) } catch { throw .corrupt("cannot encode \(T.self): \(error)") }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], family: String) throws(BridgeStorageError) -> T {
        do { return try JSONDecoder().decode(type, from: Data(bytes)) } catch {
            throw .corrupt("a \(family) record does not decode as \(T.self): \(error)")
        }
    }
}
