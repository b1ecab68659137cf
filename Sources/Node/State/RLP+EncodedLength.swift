/// The sizes of canonical RLP encodings, so that fixed-shape values (state values,
/// receipts) can write a list's header before its items, straight into one buffer,
/// without building `RLPItem` trees or temporary arrays.
extension RLP {
    /// The encoded size of an unsigned integer (see `appendUInt`).
    static func encodedLength(of value: UInt64) -> Int {
        value < 0x80 ? 1 : 1 + (UInt64.bitWidth - value.leadingZeroBitCount + 7) / 8
    }

    /// The encoded size of a 256-bit unsigned integer.
    static func encodedLength(of value: UInt256) -> Int {
        if let small = value.uint64 { return encodedLength(of: small) }
        return 1 + (value.bitWidth + 7) / 8
    }

    /// The encoded size of a byte string of `count` bytes whose first byte is `first`.
    static func encodedStringLength(count: Int, first: UInt8?) -> Int {
        if count == 1, let first, first < 0x80 { return 1 }
        return headerLength(payload: count) + count
    }

    /// The encoded size of a list whose items take `payload` bytes.
    static func encodedListLength(payload: Int) -> Int { headerLength(payload: payload) + payload }
}
