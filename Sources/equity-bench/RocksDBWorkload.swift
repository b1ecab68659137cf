import Node

/// The node-shaped write load the RocksDB benchmark and the crash-test writer share:
/// one batch is `pairs` entries of a 32-byte hashed key and a 100-byte value spread
/// round-robin over three column families, plus the head pointer, like a block commit.
///
/// Batch `b`, entry `p`: key = Keccak-256(`b` as 8 bytes big-endian ‖ `p` as 4 bytes
/// big-endian); value byte `i` = key[i % 32] XOR `i`; column family `dataFamilies[p % 3]`.
/// The head pointer is `meta`/`head` = `b` as 8 bytes big-endian. Tests re-derive this
/// layout to check what survived a crash.
enum RocksDBWorkload {
    /// The column families a batch writes entries into, in round-robin order.
    static let dataFamilies = ["blocks", "receipts", "state"]
    /// The column family of the head pointer.
    static let metaFamily = "meta"
    /// The head pointer's key in `metaFamily`.
    static let headKey = Array("head".utf8)
    /// All column families the workload opens.
    static var allFamilies: [String] { dataFamilies + [metaFamily] }

    static let valueBytes = 100

    static func key(batch: UInt64, pair: UInt32) -> [UInt8] {
        var input = [UInt8]()
        input.reserveCapacity(12)
        for shift in stride(from: 56, through: 0, by: -8) { input.append(UInt8(truncatingIfNeeded: batch >> UInt64(shift))) }
        for shift in stride(from: 24, through: 0, by: -8) { input.append(UInt8(truncatingIfNeeded: pair >> UInt32(shift))) }
        return Keccak256.hash(input).bytes
    }

    static func value(forKey key: [UInt8]) -> [UInt8] {
        (0..<valueBytes).map { key[$0 % key.count] ^ UInt8(truncatingIfNeeded: $0) }
    }

    static func head(_ batch: UInt64) -> [UInt8] {
        stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: batch >> UInt64($0)) }
    }

    /// Batch number `batch` with `pairs` entries, for `families` opened by `database`.
    static func batch(_ batch: UInt64, pairs: Int, database: RocksDB) throws(RocksDBError) -> RocksDB.WriteBatch {
        let families = try dataFamilies.map { name throws(RocksDBError) in try database.columnFamily(name) }
        let meta = try database.columnFamily(metaFamily)
        var writeBatch = RocksDB.WriteBatch(reservingBytes: pairs * (32 + valueBytes) + 16)
        for pair in 0..<pairs {
            let key = key(batch: batch, pair: UInt32(truncatingIfNeeded: pair))
            writeBatch.put(key, value(forKey: key), in: families[pair % families.count])
        }
        writeBatch.put(headKey, head(batch), in: meta)
        return writeBatch
    }
}
