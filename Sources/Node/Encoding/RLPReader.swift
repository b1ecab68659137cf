/// Reads canonical RLP in place, item by item, without building a tree.
///
/// A reader covers a byte range: `readList()` returns a reader over the list's
/// payload, so nested structures are walked with no copies. Call `finish()` when a
/// structure is fully read to refuse trailing bytes or extra list elements.
public struct RLPReader: Sendable {
    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.offset = 0
        self.end = bytes.count
    }

    private init(bytes: [UInt8], offset: Int, end: Int) {
        self.bytes = bytes
        self.offset = offset
        self.end = end
    }

    /// Whether the range is fully consumed.
    public var isAtEnd: Bool { offset >= end }

    /// Refuses anything left in this range.
    public func finish() throws(RLPError) {
        if offset < end { throw .trailingBytes(count: end - offset) }
    }

    /// The header of the next item: whether it is a list, and where its payload lies.
    private mutating func readHeader() throws(RLPError) -> (isList: Bool, start: Int, count: Int) {
        guard offset < end else { throw .truncated(offset: offset, needed: 1) }
        let at = offset
        let prefix = bytes[at]
        switch prefix {
        case 0x00...0x7f:
            offset += 1
            return (false, at, 1)
        case 0x80...0xb7:
            let n = Int(prefix - 0x80)
            try need(n, at: at + 1)
            if n == 1 && bytes[at + 1] < 0x80 { throw .singleByteWrapped(offset: at) }
            offset = at + 1 + n
            return (false, at + 1, n)
        case 0xb8...0xbf:
            let n = try longLength(at: at, lengthOfLength: Int(prefix - 0xb7))
            let start = offset
            try need(n, at: start)
            offset = start + n
            return (false, start, n)
        case 0xc0...0xf7:
            let n = Int(prefix - 0xc0)
            try need(n, at: at + 1)
            offset = at + 1 + n
            return (true, at + 1, n)
        default:
            let n = try longLength(at: at, lengthOfLength: Int(prefix - 0xf7))
            let start = offset
            try need(n, at: start)
            offset = start + n
            return (true, start, n)
        }
    }

    /// Reads a long-form length after the prefix at `at`; leaves `offset` at the payload.
    private mutating func longLength(at: Int, lengthOfLength: Int) throws(RLPError) -> Int {
        try need(lengthOfLength, at: at + 1)
        if bytes[at + 1] == 0 { throw .leadingZeroInLength(offset: at) }
        guard lengthOfLength <= 7 else { throw .lengthOverflow(offset: at) }
        var n = 0
        for i in 0..<lengthOfLength { n = n << 8 | Int(bytes[at + 1 + i]) }
        if n < 56 { throw .nonCanonicalSize(offset: at) }
        offset = at + 1 + lengthOfLength
        return n
    }

    @inline(__always)
    private func need(_ n: Int, at start: Int) throws(RLPError) {
        if n > end - start { throw .truncated(offset: start, needed: n - max(0, end - start)) }
    }

    /// Reads a list and returns a reader over its elements.
    public mutating func readList() throws(RLPError) -> RLPReader {
        let h = try readHeader()
        guard h.isList else { throw .expectedList }
        return RLPReader(bytes: bytes, offset: h.start, end: h.start + h.count)
    }

    /// Reads a byte string.
    public mutating func readBytes() throws(RLPError) -> ArraySlice<UInt8> {
        let h = try readHeader()
        guard !h.isList else { throw .expectedString }
        return bytes[h.start..<(h.start + h.count)]
    }

    /// Reads a byte string of exactly `count` bytes.
    public mutating func readBytes(count: Int) throws(RLPError) -> ArraySlice<UInt8> {
        let b = try readBytes()
        guard b.count == count else { throw .wrongLength(expected: count, found: b.count) }
        return b
    }

    /// Reads a canonical unsigned integer of at most 8 bytes.
    public mutating func readUInt64() throws(RLPError) -> UInt64 {
        let b = try readCanonicalInteger(maxBytes: 8)
        var v: UInt64 = 0
        for x in b { v = v << 8 | UInt64(x) }
        return v
    }

    /// Reads a canonical unsigned integer of at most 32 bytes.
    public mutating func readUInt256() throws(RLPError) -> UInt256 {
        let b = try readCanonicalInteger(maxBytes: 32)
        return UInt256(bigEndian: b)!
    }

    private mutating func readCanonicalInteger(maxBytes: Int) throws(RLPError) -> ArraySlice<UInt8> {
        let b = try readBytes()
        if b.first == 0 { throw .nonCanonicalInteger }
        if b.count > maxBytes { throw .integerTooLarge(maxBytes: maxBytes) }
        return b
    }

    /// Reads a 20-byte address.
    public mutating func readAddress() throws(RLPError) -> Address {
        Address(bytes: try readBytes(count: 20))!
    }

    /// Reads a 32-byte value.
    public mutating func readBytes32() throws(RLPError) -> Bytes32 {
        Bytes32(bytes: try readBytes(count: 32))!
    }

    /// Reads the next item, whatever it is, as a tree.
    public mutating func readItem() throws(RLPError) -> RLPItem {
        let h = try readHeader()
        if !h.isList { return .bytes(Array(bytes[h.start..<(h.start + h.count)])) }
        var inner = RLPReader(bytes: bytes, offset: h.start, end: h.start + h.count)
        var items: [RLPItem] = []
        while !inner.isAtEnd { items.append(try inner.readItem()) }
        return .list(items)
    }

    /// The raw encoded bytes of the next item (header included), skipping over it.
    public mutating func readRawItem() throws(RLPError) -> ArraySlice<UInt8> {
        let start = offset
        _ = try readHeader()
        return bytes[start..<offset]
    }
}
