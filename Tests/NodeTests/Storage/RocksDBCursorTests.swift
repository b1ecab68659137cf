import Testing
@testable import Node

@Suite("RocksDB cursors: bytewise order, prefixes, seeking, reverse")
struct RocksDBCursorTests {
    /// Keys in the exact order RocksDB's bytewise comparator must return them: unsigned
    /// bytes, a key before every key it prefixes, 0x00 and 0xff at both ends.
    private static let ordered: [[UInt8]] = [
        [],
        [0x00],
        [0x00, 0x00],
        [0x00, 0xff],
        [0x01],
        [0x61],  // "a"
        [0x61, 0x00],
        [0x61, 0x62],  // "ab"
        [0x61, 0x62, 0x00],
        [0x61, 0x62, 0x63],
        [0x61, 0x62, 0xff],
        [0x61, 0x62, 0xff, 0xff],
        [0x61, 0x63],  // "ac"
        [0x62],  // "b"
        [0x7f],
        [0x80],  // would sort first if bytes were compared signed
        [0xfe, 0xff],
        [0xff],
        [0xff, 0x00],
        [0xff, 0xff],
        [0xff, 0xff, 0xff],
    ]

    /// A database whose "keys" column family holds `ordered`, inserted out of order,
    /// each key's value being its index in `ordered`.
    private func filled(_ scratch: ScratchDirectory) throws -> (RocksDB, RocksDB.ColumnFamily) {
        let db = try RocksDB(path: scratch.path("db"), columnFamilies: ["keys", "other"])
        let keys = try db.columnFamily("keys")
        var batch = RocksDB.WriteBatch()
        for index in Self.ordered.indices.reversed() where index % 2 == 0 {
            batch.put(Self.ordered[index], [UInt8(index)], in: keys)
        }
        for index in Self.ordered.indices where index % 2 == 1 {
            batch.put(Self.ordered[index], [UInt8(index)], in: keys)
        }
        try db.write(batch)
        try db.put([0x61, 0x62], [0xee], in: db.columnFamily("other"))
        return (db, keys)
    }

    @Test("a full scan returns keys in unsigned bytewise order, 0x00 and 0xff included")
    func bytewiseOrder() throws {
        let scratch = try ScratchDirectory()
        let (db, keys) = try filled(scratch)
        let entries = try db.entries(in: keys)
        #expect(entries.map(\.key) == Self.ordered)
        #expect(entries.map(\.value) == Self.ordered.indices.map { [UInt8($0)] })
        #expect(try db.entries(in: keys, direction: .reverse).map(\.key) == Self.ordered.reversed())
        #expect(try db.entries(in: db.columnFamily("other")).map(\.key) == [[0x61, 0x62]])
    }

    @Test("prefix scans stop exactly at the prefix boundary, including 0xff tails")
    func prefixBoundaries() throws {
        let scratch = try ScratchDirectory()
        let (db, keys) = try filled(scratch)
        let ab: [[UInt8]] = [[0x61, 0x62], [0x61, 0x62, 0x00], [0x61, 0x62, 0x63], [0x61, 0x62, 0xff], [0x61, 0x62, 0xff, 0xff]]
        #expect(try db.entries(in: keys, range: .prefix([0x61, 0x62])).map(\.key) == ab)
        #expect(try db.entries(in: keys, range: .prefix([0x61, 0x62]), direction: .reverse).map(\.key) == ab.reversed())
        #expect(try db.entries(in: keys, range: .prefix([0x61, 0x62, 0xff])).map(\.key)
            == [[0x61, 0x62, 0xff], [0x61, 0x62, 0xff, 0xff]])
        #expect(try db.entries(in: keys, range: .prefix([0x00])).map(\.key) == [[0x00], [0x00, 0x00], [0x00, 0xff]])
        // An all-0xff prefix has no upper bound: it runs to the end of the column family.
        #expect(try db.entries(in: keys, range: .prefix([0xff])).map(\.key) == [[0xff], [0xff, 0x00], [0xff, 0xff], [0xff, 0xff, 0xff]])
        #expect(try db.entries(in: keys, range: .prefix([0xff, 0xff])).map(\.key) == [[0xff, 0xff], [0xff, 0xff, 0xff]])
        #expect(try db.entries(in: keys, range: .prefix([0x61, 0x64])).isEmpty)
        #expect(try db.entries(in: keys, range: .prefix([])).count == Self.ordered.count)
        #expect(try db.entries(in: keys, range: .prefix([0x61]), limit: 2).map(\.key) == [[0x61], [0x61, 0x00]])
    }

    @Test("explicit half-open ranges: lower included, upper excluded; empty when upper <= lower")
    func explicitRanges() throws {
        let scratch = try ScratchDirectory()
        let (db, keys) = try filled(scratch)
        let range = RocksDB.KeyRange(lower: [0x61, 0x62], upper: [0x62])
        #expect(try db.entries(in: keys, range: range).map(\.key) == Array(Self.ordered[7..<13]))
        #expect(try db.entries(in: keys, range: .init(lower: nil, upper: [0x00, 0x00])).map(\.key) == [[], [0x00]])
        #expect(try db.entries(in: keys, range: .init(lower: [0xff, 0xff], upper: nil)).map(\.key) == [[0xff, 0xff], [0xff, 0xff, 0xff]])
        #expect(try db.entries(in: keys, range: .init(lower: [0x62], upper: [0x61])).isEmpty)
        #expect(try db.entries(in: keys, range: .init(lower: [0x62], upper: [0x62])).isEmpty)
        #expect(range.contains([0x61, 0x62]) && range.contains([0x61, 0xff]))
        #expect(!range.contains([0x62]) && !range.contains([0x61]))
    }

    @Test("the prefix successor drops trailing 0xff bytes and increments")
    func prefixSuccessor() {
        #expect(RocksDB.KeyRange.successor(ofPrefix: [0x61, 0x62]) == [0x61, 0x63])
        #expect(RocksDB.KeyRange.successor(ofPrefix: [0x01, 0xff]) == [0x02])
        #expect(RocksDB.KeyRange.successor(ofPrefix: [0x00]) == [0x01])
        #expect(RocksDB.KeyRange.successor(ofPrefix: [0x61, 0xff, 0xff]) == [0x62])
        #expect(RocksDB.KeyRange.successor(ofPrefix: [0xff, 0xff]) == nil)
        #expect(RocksDB.KeyRange.successor(ofPrefix: []) == nil)
    }

    @Test("seek moves forward to the first key at or after, and in reverse to the last at or before")
    func seeking() throws {
        let scratch = try ScratchDirectory()
        let (db, keys) = try filled(scratch)

        let forward = try db.cursor(over: keys)
        try forward.seek(to: [0x61, 0x62, 0x01])
        #expect(try forward.next()?.key == [0x61, 0x62, 0x63])
        #expect(try forward.next()?.key == [0x61, 0x62, 0xff])
        try forward.seek(to: [0x61])
        #expect(try forward.next()?.key == [0x61], "an exact hit is returned")
        try forward.seek(to: [0xff, 0xff, 0xff, 0x00])
        #expect(try forward.next() == nil)
        #expect(try forward.next() == nil, "the end stays the end")
        try forward.seek(to: [])
        #expect(try forward.next()?.key == [], "seeking again after the end works")

        let reverse = try db.cursor(over: keys, direction: .reverse)
        try reverse.seek(to: [0x61, 0x62, 0x01])
        #expect(try reverse.next()?.key == [0x61, 0x62, 0x00])
        #expect(try reverse.next()?.key == [0x61, 0x62])
        try reverse.seek(to: [])
        #expect(try reverse.next()?.key == [])
        #expect(try reverse.next() == nil)
    }

    @Test("seeking outside a cursor's range lands on the range's nearest end")
    func seekingOutsideRange() throws {
        let scratch = try ScratchDirectory()
        let (db, keys) = try filled(scratch)
        let forward = try db.cursor(over: keys, in: .prefix([0x61, 0x62]))
        try forward.seek(to: [0x00])
        #expect(try forward.next()?.key == [0x61, 0x62])
        try forward.seek(to: [0x62])
        #expect(try forward.next() == nil)

        let reverse = try db.cursor(over: keys, in: .prefix([0x61, 0x62]), direction: .reverse)
        try reverse.seek(to: [0xff])
        #expect(try reverse.next()?.key == [0x61, 0x62, 0xff, 0xff])
        try reverse.seek(to: [0x61])
        #expect(try reverse.next() == nil)
    }

    @Test("a cursor reads the state as of its creation")
    func cursorIsConsistent() throws {
        let scratch = try ScratchDirectory()
        let (db, keys) = try filled(scratch)
        let cursor = try db.cursor(over: keys, in: .prefix([0x61, 0x62]))
        #expect(try cursor.next()?.key == [0x61, 0x62])
        try db.put([0x61, 0x62, 0x01], [0x01], in: keys)
        try db.delete([0x61, 0x62, 0x63], in: keys)
        var rest: [[UInt8]] = []
        while let entry = try cursor.next() { rest.append(entry.key) }
        #expect(rest == [[0x61, 0x62, 0x00], [0x61, 0x62, 0x63], [0x61, 0x62, 0xff], [0x61, 0x62, 0xff, 0xff]])
        #expect(try db.entries(in: keys, range: .prefix([0x61, 0x62])).map(\.key)
            == [[0x61, 0x62], [0x61, 0x62, 0x00], [0x61, 0x62, 0x01], [0x61, 0x62, 0xff], [0x61, 0x62, 0xff, 0xff]])
    }
}
