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
        case writerUnavailable
        case writerFailed(String)
        case lostAcknowledgedBatch(expectedHead: UInt64, found: String)

        var description: String {
            switch self {
            case .writerUnavailable:
                return "cannot locate this equity-bench executable to start the rocksdb-writer child"
            case .writerFailed(let stderr):
                return "the rocksdb-writer child ended before writing every batch: \(stderr)"
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
        try withScratchDirectory { path in
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
            try withScratchDirectory { path in
                try writeThenKill(path: path, batches: crashBatches)
                walBytes = try logBytes(in: path)
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

    /// Runs `equity-bench rocksdb-writer` on `path` until it printed `done`, then SIGKILLs it.
    private static func writeThenKill(path: String, batches: Int) throws {
        guard let executable = Bundle.main.executableURL else { throw Failure.writerUnavailable }
        let child = Process()
        child.executableURL = executable
        child.arguments = ["rocksdb-writer", "--path", path, "--batches", "\(batches)", "--pairs", "\(pairsPerBatch)"]
        let output = Pipe()
        let input = Pipe()
        let errors = Pipe()
        child.standardOutput = output
        child.standardInput = input
        child.standardError = errors
        try child.run()
        var received = Data()
        while !received.contains(Data("done\n".utf8)) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        try? input.fileHandleForWriting.close()
        guard received.contains(Data("done\n".utf8)) else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure.writerFailed(message)
        }
    }

    /// Total size of the WAL files (`*.log`) in a database directory.
    private static func logBytes(in path: String) throws -> Int {
        let files = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".log") }
        return try files.reduce(0) { total, name in
            let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + name)
            return total + ((attributes[.size] as? NSNumber)?.intValue ?? 0)
        }
    }

    /// Runs `body` with a fresh directory path under the system temporary directory,
    /// removed afterwards.
    private static func withScratchDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("equity-bench-rocksdb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory.path)
    }
}
