/// Reads a transaction's RLP field list in order, in place, and names the transaction
/// type and the field in every error.
///
/// Each transaction type has an exact field count: a missing field and an extra one
/// are both reported as the wrong element count, not as a truncation.
struct TransactionFieldReader {
    private var fields: RLPReader
    private let type: TransactionType
    private let expected: Int
    private var index = 0

    /// Opens the field list at `reader`'s position.
    init(list reader: inout RLPReader, type: TransactionType, expected: Int) throws(TransactionError) {
        do { fields = try reader.readList() } catch { throw .malformed(type, field: nil, error) }
        self.type = type
        self.expected = expected
    }

    mutating func uint64(_ field: StaticString) throws(TransactionError) -> UInt64 {
        try advance(field)
        do { return try fields.readUInt64() } catch { throw fail(field, error) }
    }

    mutating func uint256(_ field: StaticString) throws(TransactionError) -> UInt256 {
        let w = try words(field)
        return UInt256(high: UInt128(w.0) << 64 | UInt128(w.1), low: UInt128(w.2) << 64 | UInt128(w.3))
    }

    /// A signature scalar (r or s): a canonical integer of at most 32 bytes.
    mutating func scalar(_ field: StaticString) throws(TransactionError) -> Bytes32 {
        let w = try words(field)
        return Bytes32(w0: w.0, w1: w.1, w2: w.2, w3: w.3)
    }

    /// `to`: 20 bytes, or empty for a contract creation.
    mutating func recipient(_ field: StaticString) throws(TransactionError) -> Address? {
        try advance(field)
        let bytes: ArraySlice<UInt8>
        do { bytes = try fields.readBytes() } catch { throw fail(field, error) }
        if bytes.isEmpty { return nil }
        guard bytes.count == 20 else { throw fail(field, .wrongLength(expected: 20, found: bytes.count)) }
        return bytes.withUnsafeBytes { raw in
            Address(
                w0: UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)),
                w1: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self)),
                w2: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self)))
        }
    }

    mutating func bytes(_ field: StaticString) throws(TransactionError) -> [UInt8] {
        try advance(field)
        do { return Array(try fields.readBytes()) } catch { throw fail(field, error) }
    }

    mutating func accessList(_ field: StaticString) throws(TransactionError) -> [AccessListEntry] {
        try advance(field)
        do { return try AccessListEntry.readList(from: &fields) } catch { throw fail(field, error) }
    }

    /// Refuses elements after the last field.
    func finish() throws(TransactionError) {
        guard !fields.isAtEnd else { return }
        var rest = fields
        var found = expected
        while !rest.isAtEnd {
            do { _ = try rest.readRawItem() } catch { throw .malformed(type, field: nil, error) }
            found += 1
        }
        throw .malformed(type, field: nil, .wrongElementCount(expected: String(expected), found: found))
    }

    /// A canonical integer of at most 32 bytes (the rules of `RLPReader.readUInt256`) as
    /// four big-endian words, most significant first, loaded eight bytes at a time: this
    /// runs for every fee, value and signature scalar on the RPC hot path.
    private mutating func words(_ field: StaticString) throws(TransactionError) -> (UInt64, UInt64, UInt64, UInt64) {
        try advance(field)
        let bytes: ArraySlice<UInt8>
        do { bytes = try fields.readBytes() } catch { throw fail(field, error) }
        if bytes.first == 0 { throw fail(field, .nonCanonicalInteger) }
        if bytes.count > 32 { throw fail(field, .integerTooLarge(maxBytes: 32)) }
        return bytes.withUnsafeBytes { raw in
            let n = raw.count
            return (
                Self.word(raw, from: 0, to: max(0, n - 24)),
                Self.word(raw, from: max(0, n - 24), to: max(0, n - 16)),
                Self.word(raw, from: max(0, n - 16), to: max(0, n - 8)),
                Self.word(raw, from: max(0, n - 8), to: n))
        }
    }

    /// Bytes `from..<to` (at most 8) as a big-endian integer.
    @inline(__always)
    private static func word(_ raw: UnsafeRawBufferPointer, from: Int, to: Int) -> UInt64 {
        if to - from == 8 { return UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: from, as: UInt64.self)) }
        var value: UInt64 = 0
        for i in from..<to { value = value << 8 | UInt64(raw[i]) }
        return value
    }

    private mutating func advance(_ field: StaticString) throws(TransactionError) {
        guard !fields.isAtEnd else {
            throw fail(field, .wrongElementCount(expected: String(expected), found: index))
        }
        index += 1
    }

    private func fail(_ field: StaticString, _ error: RLPError) -> TransactionError {
        .malformed(type, field: String(describing: field), error)
    }
}
