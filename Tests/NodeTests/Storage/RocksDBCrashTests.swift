import Foundation
import Testing
@testable import Node

/// Starts `equity-bench rocksdb-writer` (a real process writing synced batches), kills it
/// with SIGKILL, reopens the database here and checks what survived.
@Suite("RocksDB crash safety: acknowledged synced batches survive SIGKILL")
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

    /// What the parent saw of one writer run.
    private struct WriterRun {
        /// Batch numbers the writer printed, i.e. whose synced write had returned.
        var acknowledged: [UInt64] = []
        /// Whether it printed `done` (wrote every batch) before being killed.
        var finished = false
        var stderr = ""
        var terminatedBySIGKILL = false
    }

    /// Runs the writer on `path` and SIGKILLs it as soon as `killAfter` batches were
    /// acknowledged (or once it is done), then collects every line it printed before dying.
    private func runWriter(path: String, batches: Int, pairs: Int, killAfter: Int) throws -> WriterRun {
        let child = Process()
        child.executableURL = try BuiltProduct.executable("equity-bench")
        child.arguments = ["rocksdb-writer", "--path", path, "--batches", "\(batches)", "--pairs", "\(pairs)"]
        let output = Pipe()
        let input = Pipe()
        let errors = Pipe()
        child.standardOutput = output
        child.standardInput = input
        child.standardError = errors
        try child.run()

        var run = WriterRun()
        var pending = Data()
        func consume(_ chunk: Data) {
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0a) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending = Data(pending[(newline + 1)...])
                if line == "done" {
                    run.finished = true
                } else if let number = UInt64(line) {
                    run.acknowledged.append(number)
                }
            }
        }
        while run.acknowledged.count < killAfter, !run.finished {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            consume(chunk)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        try? input.fileHandleForWriting.close()
        // Lines printed before the kill are acknowledgements too, even if read only now.
        consume(output.fileHandleForReading.readDataToEndOfFile())
        run.stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.terminatedBySIGKILL = child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL
        return run
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
        let run = try runWriter(path: path, batches: 1_000_000, pairs: pairs, killAfter: 30)
        #expect(run.terminatedBySIGKILL, "the writer must die by SIGKILL, not exit: \(run.stderr)")
        #expect(!run.finished, "the kill must land while the writer is still writing")
        try #require(run.acknowledged.count >= 30, "the writer acknowledged too few batches; its stderr: \(run.stderr)")
        #expect(run.acknowledged == (0..<UInt64(run.acknowledged.count)).map { $0 }, "batches are acknowledged in order")
        let last = try #require(run.acknowledged.last)

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
        let run = try runWriter(path: path, batches: 8, pairs: pairs, killAfter: .max)
        #expect(run.terminatedBySIGKILL, "the writer must die by SIGKILL, not exit: \(run.stderr)")
        try #require(run.finished, "the writer did not finish; its stderr: \(run.stderr)")
        #expect(run.acknowledged == Array(0..<8))

        let db = try RocksDB(path: path, columnFamilies: [])
        #expect(db.columnFamilyNames == ["default", "blocks", "receipts", "state", "meta"])
        for batch in UInt64(0)..<8 {
            #expect(try presentEntries(of: batch, pairs: pairs, in: db) == pairs, "acknowledged batch \(batch) is incomplete")
        }
        #expect(try head(in: db) == 7)
    }

    @Test("a missing executable product is reported with the command that builds it")
    func missingProduct() {
        let error = #expect(throws: BuiltProduct.Missing.self) { try BuiltProduct.executable("no-such-product") }
        #expect(error?.description.contains("swift build --build-tests") == true)
    }
}
