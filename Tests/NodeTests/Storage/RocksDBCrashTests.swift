import Foundation
import Testing
@testable import Node

/// Starts `equity-bench rocksdb-writer` (a real process writing synced batches), kills it
/// with SIGKILL, reopens the database here and checks what survived; and checks that a
/// database another process holds cannot be opened.
@Suite("RocksDB across processes: acknowledged synced batches survive SIGKILL; the lock holds")
struct RocksDBCrashTests {
    /// The writer's layout as its help and `RocksDBWorkload` document it, re-derived here
    /// independently: batch `b`, entry `p` has key Keccak-256(b as 8 bytes BE ‖ p as 4 bytes
    /// BE) in column family `dataFamilies[p % 3]`, value byte `i` = key[i % 32] ^ i (100
    /// bytes); `meta`/`head` holds the last batch number as 8 bytes BE.
    private enum WriterLayout {
        static let dataFamilies = ["blocks", "receipts", "state"]

        static func key(batch: UInt64, pair: UInt32) -> [UInt8] {
            let input = (0..<8).map { UInt8(truncatingIfNeeded: batch >> (56 - 8 * UInt64($0))) }
                + (0..<4).map { UInt8(truncatingIfNeeded: pair >> (24 - 8 * UInt32($0))) }
            return Keccak256.hash(input).bytes
        }

        static func value(forKey key: [UInt8]) -> [UInt8] {
            (0..<100).map { key[$0 % 32] ^ UInt8($0) }
        }
    }

    /// A running `equity-bench rocksdb-writer` child and what it has printed so far.
    private final class Writer {
        let child = Process()
        private let output = Pipe()
        private let input = Pipe()
        private let errors = Pipe()
        private var pending = Data()
        /// Batch numbers the writer printed, i.e. whose synced write had returned.
        private(set) var acknowledged: [UInt64] = []
        /// Whether it printed `done` (wrote every batch).
        private(set) var finished = false

        init(path: String, batches: Int, pairs: Int) throws {
            child.executableURL = try BuiltProduct.executable("equity-bench")
            child.arguments = ["rocksdb-writer", "--path", path, "--batches", "\(batches)", "--pairs", "\(pairs)"]
            child.standardOutput = output
            child.standardInput = input
            child.standardError = errors
            try child.run()
        }

        /// Reads its output until `count` batches are acknowledged, it is done, or it exits.
        func read(untilAcknowledged count: Int) {
            while acknowledged.count < count, !finished {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return }
                consume(chunk)
            }
        }

        /// SIGKILLs it, then collects the lines it printed before dying: those batches
        /// were acknowledged too, even if read only now. True if SIGKILL is what ended it.
        func kill() -> Bool {
            Foundation.kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            try? input.fileHandleForWriting.close()
            consume(output.fileHandleForReading.readDataToEndOfFile())
            return child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL
        }

        /// Closes its stdin so that, once done, it closes the database and exits; its exit status.
        func stop() -> Int32 {
            try? input.fileHandleForWriting.close()
            child.waitUntilExit()
            return child.terminationStatus
        }

        /// What it wrote to stderr, once it has exited (reading earlier could block).
        var stderr: String {
            guard !child.isRunning else { return "(still running)" }
            return String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }

        private func consume(_ chunk: Data) {
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0a) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending = Data(pending[(newline + 1)...])
                if line == "done" {
                    finished = true
                } else if let number = UInt64(line) {
                    acknowledged.append(number)
                }
            }
        }
    }

    /// How many of batch `batch`'s entries are present; records an issue for any entry
    /// present with a wrong value.
    private func presentEntries(of batch: UInt64, pairs: Int, in db: RocksDB) throws -> Int {
        let families = try WriterLayout.dataFamilies.map { try db.columnFamily($0) }
        var present = 0
        for pair in 0..<pairs {
            let key = WriterLayout.key(batch: batch, pair: UInt32(pair))
            guard let value = try db.get(key, in: families[pair % 3]) else { continue }
            #expect(value == WriterLayout.value(forKey: key), "batch \(batch) entry \(pair) has a wrong value")
            present += 1
        }
        return present
    }

    private func head(in db: RocksDB) throws -> UInt64? {
        guard let bytes = try db.get(Array("head".utf8), in: db.columnFamily("meta")), bytes.count == 8 else { return nil }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    @Test("killed mid-stream: every acknowledged batch is whole, the one in flight is all or nothing")
    func killedMidStream() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("db")
        let pairs = 100
        let writer = try Writer(path: path, batches: 1_000_000, pairs: pairs)
        writer.read(untilAcknowledged: 30)
        #expect(writer.kill(), "the writer must die by SIGKILL, not exit: \(writer.stderr)")
        #expect(!writer.finished, "the kill must land while the writer is still writing")
        try #require(writer.acknowledged.count >= 30, "the writer acknowledged too few batches; its stderr: \(writer.stderr)")
        #expect(writer.acknowledged == Array(0..<UInt64(writer.acknowledged.count)), "batches are acknowledged in order")
        let last = try #require(writer.acknowledged.last)

        let db = try RocksDB(path: path, columnFamilies: [])
        for batch in 0...last {
            #expect(try presentEntries(of: batch, pairs: pairs, in: db) == pairs, "acknowledged batch \(batch) is incomplete")
        }
        // The writer may have committed one more batch that it had no time to print.
        let inFlight = try presentEntries(of: last + 1, pairs: pairs, in: db)
        #expect(inFlight == 0 || inFlight == pairs, "a torn batch: \(inFlight) of \(pairs) entries of batch \(last + 1)")
        #expect(try presentEntries(of: last + 2, pairs: pairs, in: db) == 0, "the writer is sequential: nothing after the next batch")
        #expect(try head(in: db) == (inFlight == pairs ? last + 1 : last), "the head pointer moved with its batch")
    }

    @Test("killed after finishing: all batches of the WAL are replayed on reopen")
    func killedAfterFinishing() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("db")
        let pairs = 1000
        let writer = try Writer(path: path, batches: 8, pairs: pairs)
        writer.read(untilAcknowledged: .max)
        try #require(writer.finished, "the writer did not finish; its stderr: \(writer.stderr)")
        #expect(writer.kill(), "the writer must die by SIGKILL, not exit: \(writer.stderr)")
        #expect(writer.acknowledged == Array(0..<8))

        let db = try RocksDB(path: path, columnFamilies: [])
        #expect(db.columnFamilyNames == ["default", "blocks", "receipts", "state", "meta"])
        for batch in UInt64(0)..<8 {
            #expect(try presentEntries(of: batch, pairs: pairs, in: db) == pairs, "acknowledged batch \(batch) is incomplete")
        }
        #expect(try head(in: db) == 7)
    }

    @Test("a database held open by another process is refused with RocksDB's lock message")
    func lockedByAnotherProcess() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("db")
        let writer = try Writer(path: path, batches: 1, pairs: 10)
        writer.read(untilAcknowledged: .max)
        try #require(writer.finished, "the writer did not finish; its stderr: \(writer.stderr)")

        let error = #expect(throws: RocksDBError.self) { try RocksDB(path: path, columnFamilies: []) }
        guard case let .rocksDB(operation, _, message)? = error else {
            Issue.record("expected RocksDB's own error, got \(String(describing: error))")
            _ = writer.stop()
            return
        }
        #expect(operation == "open")
        #expect(message.contains("LOCK"), "RocksDB's lock message: \(message)")

        #expect(writer.stop() == 0, "the writer closes the database and exits cleanly: \(writer.stderr)")
        let db = try RocksDB(path: path, columnFamilies: [])
        #expect(try head(in: db) == 0)
    }

    @Test("a missing executable product is reported with the command that builds it")
    func missingProduct() {
        let error = #expect(throws: BuiltProduct.Missing.self) { try BuiltProduct.executable("no-such-product") }
        #expect(error?.description.contains("swift build --build-tests") == true)
    }
}
