/// Checks on single 32-byte ABI words shared by the encoder and the strict decoder.
enum ABIWord {
    /// Whether the first `count` bytes of the word at `start` are all `fill`.
    @inline(__always)
    static func prefix(_ bytes: [UInt8], at start: Int, count: Int, equals fill: UInt8) -> Bool {
        var i = start
        while i < start + count {
            if bytes[i] != fill { return false }
            i += 1
        }
        return true
    }

    /// Whether the word at `start` is a correctly sign-extended `int<bits>`: every byte
    /// above the value's own bytes repeats its sign.
    static func isSignExtended(_ bytes: [UInt8], at start: Int, bits: Int) -> Bool {
        let padding = 32 - bits / 8
        guard padding > 0 else { return true }
        let negative = bytes[start + padding] & 0x80 != 0
        return prefix(bytes, at: start, count: padding, equals: negative ? 0xff : 0x00)
    }

    /// A signed word for messages: decimal when it fits `Int128`, hex otherwise.
    static func signedDescription(_ value: UInt256) -> String {
        ABIValue.int(value).int128.map { String($0) } ?? Hex.encode(value.bigEndianBytes)
    }
}
