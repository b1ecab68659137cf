import Testing
@testable import Node

@Suite("RocksDB snapshots: isolation across column families")
struct RocksDBSnapshotTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("reads at a snapshot see nothing written after it, in any column family")
    func isolation() throws {
        let scratch = try ScratchDirectory()
        let db = try RocksDB(path: scratch.path("db"), columnFamilies: ["state", "meta"])
        let state = try db.columnFamily("state")
        let meta = try db.columnFamily("meta")
        try db.put(bytes("alice"), bytes("100"), in: state)
        try db.put(bytes("bob"), bytes("50"), in: state)
        try db.put(bytes("head"), bytes("7"), in: meta)

        let before = try db.snapshot()
        var batch = RocksDB.WriteBatch()
        batch.put(bytes("alice"), bytes("90"), in: state)
        batch.delete(bytes("bob"), in: state)
        batch.put(bytes("carol"), bytes("10"), in: state)
        batch.put(bytes("head"), bytes("8"), in: meta)
        try db.write(batch)
        let after = try db.snapshot()
        try db.put(bytes("head"), bytes("9"), in: meta)

        #expect(try db.get(bytes("alice"), in: state, at: before) == bytes("100"))
        #expect(try db.get(bytes("bob"), in: state, at: before) == bytes("50"), "a later delete is invisible")
        #expect(try db.get(bytes("carol"), in: state, at: before) == nil, "a later insert is invisible")
        #expect(try db.get(bytes("head"), in: meta, at: before) == bytes("7"))
        #expect(try db.entries(in: state, at: before).map(\.key) == [bytes("alice"), bytes("bob")])
        #expect(try db.entries(in: state, direction: .reverse, at: before).map(\.value) == [bytes("50"), bytes("100")])

        #expect(try db.get(bytes("head"), in: meta, at: after) == bytes("8"))
        #expect(try db.entries(in: state, at: after).map(\.key) == [bytes("alice"), bytes("carol")])
        #expect(try db.get(bytes("head"), in: meta) == bytes("9"), "reads without a snapshot see the latest write")
    }

    @Test("a snapshot stays consistent after its data is flushed and overwritten many times")
    func isolationAcrossFlushes() throws {
        let scratch = try ScratchDirectory()
        var configuration = RocksDB.Configuration()
        configuration.writeBufferBytes = 256 << 10
        configuration.maxTotalWALBytes = 1 << 20
        let db = try RocksDB(path: scratch.path("db"), columnFamilies: ["state"], configuration: configuration)
        let state = try db.columnFamily("state")
        let filler = [UInt8](repeating: 0xab, count: 1000)
        try db.put(bytes("key"), bytes("original"), in: state)
        let snapshot = try db.snapshot()
        for round in 0..<20 {
            var batch = RocksDB.WriteBatch()
            batch.put(bytes("key"), Array("round \(round)".utf8), in: state)
            for i in 0..<100 { batch.put(Array("fill-\(round)-\(i)".utf8), filler, in: state) }
            try db.write(batch, sync: false)
        }
        #expect(try db.get(bytes("key"), in: state, at: snapshot) == bytes("original"))
        #expect(try db.entries(in: state, range: .prefix(bytes("fill-")), at: snapshot).isEmpty)
        #expect(try db.get(bytes("key"), in: state) == bytes("round 19"))
    }

    @Test("a snapshot of another database is refused")
    func foreignSnapshot() throws {
        let scratch = try ScratchDirectory()
        let db = try RocksDB(path: scratch.path("one"), columnFamilies: ["state"])
        let other = try RocksDB(path: scratch.path("two"), columnFamilies: ["state"])
        let snapshot = try other.snapshot()
        #expect(throws: RocksDBError.foreignHandle(operation: "get", path: db.path)) {
            try db.get(bytes("k"), in: db.columnFamily("state"), at: snapshot)
        }
        #expect(throws: RocksDBError.foreignHandle(operation: "cursor", path: db.path)) {
            try db.cursor(over: db.columnFamily("state"), at: snapshot)
        }
    }
}
