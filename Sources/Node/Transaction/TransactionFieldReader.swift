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
        try advance(field)
        do { return try fields.readUInt256() } catch { throw fail(field, error) }
    }

    /// A signature scalar (r or s): a canonical integer of at most 32 bytes.
    mutating func scalar(_ field: StaticString) throws(TransactionError) -> Bytes32 {
        let v = try uint256(field)
        return Bytes32(
            w0: UInt64(truncatingIfNeeded: v.high >> 64), w1: UInt64(truncatingIfNeeded: v.high),
            w2: UInt64(truncatingIfNeeded: v.low >> 64), w3: UInt64(truncatingIfNeeded: v.low))
    }

    /// `to`: 20 bytes, or empty for a contract creation.
    mutating func recipient(_ field: StaticString) throws(TransactionError) -> Address? {
        try advance(field)
        do throws(RLPError) {
            let bytes = try fields.readBytes()
            if bytes.isEmpty { return nil }
            guard let address = Address(bytes: bytes) else { throw RLPError.wrongLength(expected: 20, found: bytes.count) }
            return address
        } catch { throw fail(field, error) }
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
