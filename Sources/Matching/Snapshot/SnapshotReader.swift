/// Reads the fields `SnapshotWriter` wrote, failing on truncation.
struct SnapshotReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func u8() throws(SnapshotError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u64() throws(SnapshotError) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw .truncated }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[offset + i]) << UInt64(8 * i) }
        offset += 8
        return value
    }

    mutating func i64() throws(SnapshotError) -> Int64 { Int64(bitPattern: try u64()) }

    mutating func bool(_ field: String) throws(SnapshotError) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        default: throw .invalidField(field)
        }
    }

    mutating func optional(_ field: String) throws(SnapshotError) -> Int64? {
        let present = try bool(field)
        let value = try i64()
        return present ? value : nil
    }

    /// A count that must fit in what is left of the bytes at `width` bytes per item.
    mutating func count(_ field: String, width: Int) throws(SnapshotError) -> Int {
        let value = try u64()
        guard value <= UInt64((bytes.count - offset) / width) else { throw .invalidField(field) }
        return Int(value)
    }
}
