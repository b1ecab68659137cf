import Foundation
import Node

/// RocksDB figures for `equity-bench rocksdb` (and `primitives`):
///
/// - `rocksdb_synced_batch_1000_per_s`: synced write batches committed per second, each
///   a `RocksDBWorkload` batch (1000 entries of 32-byte key + 100-byte value over three
///   column families, plus the head pointer). Only the `write` call is timed (copying into
///   RocksDB's batch, the WAL append and its fsync), not building the batch.
/// - `rocksdb_reopen_after_crash_ms`: median of three runs of: the `rocksdb-writer` child
///   writes `crashBatches` batches (about 24 MiB, all still in the WAL and memtables, below
///   the default 32 MiB write buffer), is SIGKILLed, and the database is reopened in this
///   process; timed from the open call until the head pointer has been read back.
/// - `rocksdb_reopen_wal_mib`: size of the WAL that reopen replayed.
enum RocksDBPrimitives {
    /// Batches the crash writer writes before being killed (190 x ~133 KB = ~24 MiB).
    static let crashBatches = 190
    static let pairsPerBatch = 1000

    enum Failure: Error, CustomStringConvertible {
        case lostAcknowledgedBatch(expectedHead: UInt64, found: String)

        var description: String {
            switch self {
            case let .lostAcknowledgedBatch(expectedHead, found):
                return "after reopening, the head pointer is \(found), expected batch \(expectedHead): "
                    + "an acknowledged synced batch was lost"
            }
        }
    }

    static func measure(into report: inout BenchReport) throws {
        try measureSyncedBatches(into: &report)
        try measureReopenAfterCrash(into: &report)
    }

    private static func measureSyncedBatches(into report: inout BenchReport) throws {
        try CrashChild.withScratchDirectory("rocksdb") { path in
            let database = try RocksDB(path: path, columnFamilies: RocksDBWorkload.allFamilies)
            defer { database.close() }
            for number in 0..<10 {
                try database.write(RocksDBWorkload.batch(UInt64(number), pairs: pairsPerBatch, database: database))
            }
            var committed = 0
            var seconds = 0.0
            var number: UInt64 = 10
            while committed < 50 || (seconds < 5 && committed < 5000) {
                let batch = try RocksDBWorkload.batch(number, pairs: pairsPerBatch, database: database)
                seconds += try Stopwatch.seconds { try database.write(batch, sync: true) }
                committed += 1
                number += 1
            }
            report.record("rocksdb_synced_batch_1000_per_s", Double(committed) / seconds)
        }
    }

    private static func measureReopenAfterCrash(into report: inout BenchReport) throws {
        var milliseconds: [Double] = []
        var walBytes = 0
        for _ in 0..<3 {
            try CrashChild.withScratchDirectory("rocksdb") { path in
                try CrashChild.runUntilDoneThenKill(
                    ["rocksdb-writer", "--path", path, "--batches", "\(crashBatches)", "--pairs", "\(pairsPerBatch)"])
                walBytes = try CrashChild.walBytes(in: path)
                let start = Stopwatch.now()
                let database = try RocksDB(path: path, columnFamilies: RocksDBWorkload.allFamilies)
                let head = try database.get(
                    RocksDBWorkload.headKey, in: database.columnFamily(RocksDBWorkload.metaFamily))
                let elapsed = Stopwatch.now() - start
                database.close()
                let expected = UInt64(crashBatches - 1)
                guard head == RocksDBWorkload.head(expected) else {
                    throw Failure.lostAcknowledgedBatch(
                        expectedHead: expected, found: head.map { Hex.encode($0) } ?? "absent")
                }
                milliseconds.append(Double(elapsed) / 1e6)
            }
        }
        report.record("rocksdb_reopen_after_crash_ms", milliseconds.sorted()[milliseconds.count / 2])
        report.record("rocksdb_reopen_wal_mib", Double(walBytes) / Double(1 << 20))
    }
}
