import Foundation
import Testing
@testable import Node

@Suite("RocksDB: reads, writes, batches, reopening, errors")
struct RocksDBTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("put, get, overwrite and delete, with empty keys and values, per column family")
    func putGetDelete() throws {
        let scratch = try ScratchDirectory()
        let db = try RocksDB(path: scratch.path("db"), columnFamilies: ["blocks", "state"])
        let blocks = try db.columnFamily("blocks")
        let state = try db.columnFamily("state")

        #expect(try db.get(bytes("k"), in: blocks) == nil)
        try db.put(bytes("k"), bytes("v1"), in: blocks)
        #expect(try db.get(bytes("k"), in: blocks) == bytes("v1"))
        #expect(try db.get(bytes("k"), in: state) == nil, "column families are separate key spaces")

        try db.put(bytes("k"), bytes("v2"), in: blocks, sync: false)
        #expect(try db.get(bytes("k"), in: blocks) == bytes("v2"))

        try db.put([], [0x00, 0xff], in: state)
        try db.put(bytes("empty"), [], in: state)
        #expect(try db.get([], in: state) == [0x00, 0xff])
        #expect(try db.get(bytes("empty"), in: state) == [], "an empty value is present, not absent")

        try db.delete(bytes("k"), in: blocks)
        #expect(try db.get(bytes("k"), in: blocks) == nil)
        try db.delete(bytes("never-written"), in: blocks)

        let large = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try db.put(bytes("large"), large, in: state)
        #expect(try db.get(bytes("large"), in: state) == large)
    }

    @Test("a batch applies puts and deletes across column families, in order")
    func batchAcrossColumnFamilies() throws {
        let scratch = try ScratchDirectory()
        let db = try RocksDB(path: scratch.path("db"), columnFamilies: ["blocks", "receipts", "meta"])
        let blocks = try db.columnFamily("blocks")
        let receipts = try db.columnFamily("receipts")
        let meta = try db.columnFamily("meta")
        try db.put(bytes("stale"), bytes("x"), in: receipts)

        var batch = RocksDB.WriteBatch()
        batch.put(bytes("block-1"), bytes("header"), in: blocks)
        batch.put(bytes("receipt-1"), bytes("ok"), in: receipts)
        batch.delete(bytes("stale"), in: receipts)
        batch.put(bytes("head"), bytes("1"), in: meta)
        batch.put(bytes("twice"), bytes("first"), in: meta)
        batch.delete(bytes("twice"), in: meta)
        batch.delete(bytes("again"), in: meta)
        batch.put(bytes("again"), bytes("last"), in: meta)
        #expect(batch.count == 8)
        try db.write(batch, sync: true)

        #expect(try db.get(bytes("block-1"), in: blocks) == bytes("header"))
        #expect(try db.get(bytes("receipt-1"), in: receipts) == bytes("ok"))
        #expect(try db.get(bytes("stale"), in: receipts) == nil)
        #expect(try db.get(bytes("head"), in: meta) == bytes("1"))
        #expect(try db.get(bytes("twice"), in: meta) == nil, "put then delete: the delete wins")
        #expect(try db.get(bytes("again"), in: meta) == bytes("last"), "delete then put: the put wins")

        batch.removeAll()
        #expect(batch.isEmpty)
        try db.write(batch)
    }

    @Test("a batch naming another database's column family is refused and writes nothing")
    func batchWithForeignColumnFamily() throws {
        let scratch = try ScratchDirectory()
        let db = try RocksDB(path: scratch.path("one"), columnFamilies: ["blocks"])
        let other = try RocksDB(path: scratch.path("two"), columnFamilies: ["blocks"])
        var batch = RocksDB.WriteBatch()
        batch.put(bytes("a"), bytes("1"), in: try db.columnFamily("blocks"))
        batch.put(bytes("b"), bytes("2"), in: try other.columnFamily("blocks"))

        #expect(throws: RocksDBError.foreignHandle(operation: "write batch", path: db.path)) {
            try db.write(batch)
        }
        #expect(try db.get(bytes("a"), in: db.columnFamily("blocks")) == nil)
        #expect(throws: RocksDBError.foreignHandle(operation: "get", path: other.path)) {
            try other.get(bytes("a"), in: db.columnFamily("blocks"))
        }
    }

    @Test("readers never see half a batch: two column families always agree at a snapshot")
    func batchesAreAtomicForConcurrentReaders() async throws {
        let scratch = try ScratchDirectory()
        let db = try RocksDB(path: scratch.path("db"), columnFamilies: ["left", "right"])
        let left = try db.columnFamily("left")
        let right = try db.columnFamily("right")
        let key = bytes("counter")

        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for round in 1...300 {
                    var batch = RocksDB.WriteBatch()
                    batch.put(key, Array(String(round).utf8), in: left)
                    batch.put(key, Array(String(round).utf8), in: right)
                    try db.write(batch, sync: false)
                }
                return 0
            }
            for _ in 0..<2 {
                group.addTask {
                    var mismatches = 0
                    for _ in 0..<300 {
                        let snapshot = try db.snapshot()
                        let l = try db.get(key, in: left, at: snapshot)
                        let r = try db.get(key, in: right, at: snapshot)
                        if l != r { mismatches += 1 }
                    }
                    return mismatches
                }
            }
            var mismatches = 0
            for try await count in group { mismatches += count }
            #expect(mismatches == 0)
        }
        #expect(try db.get(key, in: left) == bytes("300"))
    }

    @Test("closing while other tasks read and write: calls complete until they throw .closed")
    func closeDuringConcurrentUse() async throws {
        let scratch = try ScratchDirectory()
        let db = try RocksDB(path: scratch.path("db"), columnFamilies: ["state"])
        let state = try db.columnFamily("state")
        try db.put(bytes("k"), bytes("v"), in: state)

        // The closer runs on its own thread so the workers, busy on the task pool, cannot starve it.
        Thread.detachNewThread {
            usleep(20_000)
            db.close()
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    // Each worker runs until it sees `.closed`; any other error fails the test.
                    for round in 0..<10_000_000 {
                        do {
                            switch (worker + round) % 4 {
                            case 0: #expect(try db.get(bytes("k"), in: state) == bytes("v"))
                            case 1: try db.put(Array("w\(worker)-\(round)".utf8), bytes("x"), in: state, sync: false)
                            case 2: #expect(try db.get(bytes("k"), in: state, at: db.snapshot()) == bytes("v"))
                            default: #expect(try db.entries(in: state, range: .prefix(bytes("k"))).count == 1)
                            }
                        } catch RocksDBError.closed {
                            return
                        }
                    }
                    Issue.record("worker \(worker) never saw the database closed")
                }
            }
            try await group.waitForAll()
        }
        #expect(db.isClosed)
        let reopened = try RocksDB(path: db.path, columnFamilies: [])
        #expect(try reopened.get(bytes("k"), in: reopened.columnFamily("state")) == bytes("v"))
    }

    @Test("reopening keeps the data and every column family, and can add new ones")
    func reopen() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("db")
        do {
            let db = try RocksDB(path: path, columnFamilies: ["blocks", "state"])
            #expect(db.columnFamilyNames == ["default", "blocks", "state"])
            try db.put(bytes("b"), bytes("1"), in: db.columnFamily("blocks"))
            try db.put(bytes("s"), bytes("2"), in: db.columnFamily("state"))
            try db.put(bytes("d"), bytes("3"), in: db.columnFamily("default"))
            db.close()
        }
        do {
            // Families on disk are opened even when not asked for.
            let db = try RocksDB(path: path, columnFamilies: [])
            #expect(db.columnFamilyNames == ["default", "blocks", "state"])
            #expect(try db.get(bytes("b"), in: db.columnFamily("blocks")) == bytes("1"))
            #expect(try db.get(bytes("s"), in: db.columnFamily("state")) == bytes("2"))
            #expect(try db.get(bytes("d"), in: db.columnFamily("default")) == bytes("3"))
            db.close()
        }
        let db = try RocksDB(path: path, columnFamilies: ["state", "receipts"])
        #expect(db.columnFamilyNames == ["default", "blocks", "state", "receipts"])
        #expect(try db.get(bytes("s"), in: db.columnFamily("state")) == bytes("2"))
        #expect(try db.get(bytes("s"), in: db.columnFamily("receipts")) == nil)
    }

    @Test("a path that is a regular file is refused with RocksDB's message")
    func pathIsAFile() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("file")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: RocksDBError.self) { try RocksDB(path: path, columnFamilies: ["blocks"]) }
        guard case let .rocksDB(operation, errorPath, message)? = error else {
            Issue.record("expected RocksDB's own error, got \(String(describing: error))")
            return
        }
        #expect(operation == "open")
        #expect(errorPath == path)
        #expect(message.contains(path), "RocksDB's message names the path: \(message)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a database", "the file is untouched")
    }

    @Test("a database already open (locked) cannot be opened again until closed")
    func lockedTwice() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("db")
        let first = try RocksDB(path: path, columnFamilies: ["blocks"])
        let error = #expect(throws: RocksDBError.self) { try RocksDB(path: path, columnFamilies: ["blocks"]) }
        guard case let .rocksDB(operation, _, message)? = error else {
            Issue.record("expected RocksDB's own error, got \(String(describing: error))")
            return
        }
        #expect(operation == "open")
        #expect(message.contains("LOCK"), "RocksDB's lock message: \(message)")
        try first.put(bytes("still"), bytes("usable"), in: first.columnFamily("blocks"))
        first.close()
        let second = try RocksDB(path: path, columnFamilies: ["blocks"])
        #expect(try second.get(bytes("still"), in: second.columnFamily("blocks")) == bytes("usable"))
    }

    @Test("unknown and invalid column family names, bad paths and configurations are clear errors")
    func invalidNames() throws {
        let scratch = try ScratchDirectory()
        let db = try RocksDB(path: scratch.path("db"), columnFamilies: ["blocks"])
        #expect(throws: RocksDBError.unknownColumnFamily(name: "blokcs", path: db.path, available: ["default", "blocks"])) {
            try db.columnFamily("blokcs")
        }
        let unknown = RocksDBError.unknownColumnFamily(name: "blokcs", path: db.path, available: ["default", "blocks"])
        #expect(unknown.description.contains("'blokcs'") && unknown.description.contains("'blocks'"))

        #expect(throws: RocksDBError.invalidColumnFamilyName("")) {
            try RocksDB(path: scratch.path("other"), columnFamilies: [""])
        }
        #expect(throws: RocksDBError.invalidColumnFamilyName("a\u{0}b")) {
            try RocksDB(path: scratch.path("other"), columnFamilies: ["a\u{0}b"])
        }
        #expect(throws: RocksDBError.invalidPath("")) { try RocksDB(path: "", columnFamilies: []) }

        var configuration = RocksDB.Configuration()
        configuration.maxTotalWALBytes = configuration.writeBufferBytes - 1
        #expect(throws: RocksDBError.self) {
            try RocksDB(path: scratch.path("other"), columnFamilies: [], configuration: configuration)
        }
        configuration = RocksDB.Configuration()
        configuration.bloomBitsPerKey = .nan
        #expect(throws: RocksDBError.self) {
            try RocksDB(path: scratch.path("other"), columnFamilies: [], configuration: configuration)
        }
        configuration = RocksDB.Configuration()
        configuration.maxOpenFiles = Int.max
        #expect(throws: RocksDBError.self) {
            try RocksDB(path: scratch.path("other"), columnFamilies: [], configuration: configuration)
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("other")), "refused opens create nothing")
    }

    @Test("a non-default configuration opens and works")
    func customConfiguration() throws {
        let scratch = try ScratchDirectory()
        var configuration = RocksDB.Configuration()
        configuration.blockCacheBytes = 8 << 20
        configuration.bloomBitsPerKey = 0
        configuration.compression = .zstd
        configuration.bottommostCompression = .none
        configuration.writeBufferBytes = 1 << 20
        configuration.maxTotalWALBytes = 4 << 20
        let db = try RocksDB(path: scratch.path("db"), columnFamilies: ["state"], configuration: configuration)
        let state = try db.columnFamily("state")
        // Past the 1 MiB write buffer, so memtables are flushed to compressed SST files.
        for round in 0..<40 {
            var batch = RocksDB.WriteBatch()
            for i in 0..<100 { batch.put(Array("\(round)-\(i)".utf8), [UInt8](repeating: UInt8(i), count: 500), in: state) }
            try db.write(batch, sync: false)
        }
        #expect(try db.get(Array("39-99".utf8), in: state) == [UInt8](repeating: 99, count: 500))
        #expect(try db.get(Array("0-0".utf8), in: state) == [UInt8](repeating: 0, count: 500))
    }

    @Test("after close every call throws .closed, close is idempotent, and the lock is released")
    func closeThenUse() throws {
        let scratch = try ScratchDirectory()
        let db = try RocksDB(path: scratch.path("db"), columnFamilies: ["blocks"])
        let blocks = try db.columnFamily("blocks")
        try db.put(bytes("k"), bytes("v"), in: blocks)
        let snapshot = try db.snapshot()
        let cursor = try db.cursor(over: blocks)
        #expect(!db.isClosed)

        db.close()
        db.close()
        #expect(db.isClosed)
        #expect(throws: RocksDBError.closed(operation: "get", path: db.path)) { try db.get(bytes("k"), in: blocks) }
        #expect(throws: RocksDBError.closed(operation: "put", path: db.path)) { try db.put(bytes("k"), [], in: blocks) }
        #expect(throws: RocksDBError.closed(operation: "delete", path: db.path)) { try db.delete(bytes("k"), in: blocks) }
        #expect(throws: RocksDBError.closed(operation: "write batch", path: db.path)) { try db.write(RocksDB.WriteBatch()) }
        #expect(throws: RocksDBError.closed(operation: "snapshot", path: db.path)) { try db.snapshot() }
        #expect(throws: RocksDBError.closed(operation: "cursor", path: db.path)) { try db.cursor(over: blocks) }
        #expect(throws: RocksDBError.closed(operation: "get", path: db.path)) { try db.get(bytes("k"), in: blocks, at: snapshot) }
        #expect(throws: RocksDBError.closed(operation: "cursor next", path: db.path)) { try cursor.next() }
        #expect(throws: RocksDBError.closed(operation: "cursor seek", path: db.path)) { try cursor.seek(to: []) }
        #expect(RocksDBError.closed(operation: "get", path: db.path).description.contains("closed"))

        let reopened = try RocksDB(path: db.path, columnFamilies: [])
        #expect(try reopened.get(bytes("k"), in: reopened.columnFamily("blocks")) == bytes("v"))
    }
}
