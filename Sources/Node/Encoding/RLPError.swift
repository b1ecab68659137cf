/// Why bytes are not canonical RLP, or not the RLP shape a caller expected.
///
/// The decoder is strict like geth's: every byte string has exactly one valid
/// encoding, so a transaction cannot be re-encoded into a different hash.
public enum RLPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ends before the item it announces: `needed` bytes at `offset`.
    case truncated(offset: Int, needed: Int)
    /// Bytes remain after the single top-level item.
    case trailingBytes(count: Int)
    /// A single byte below 0x80 wrapped as a one-byte string (0x81 0x00..0x7f).
    case singleByteWrapped(offset: Int)
    /// A long-form length (0xb8.., 0xf8..) for a payload shorter than 56 bytes.
    case nonCanonicalSize(offset: Int)
    /// A long-form length whose first byte is zero.
    case leadingZeroInLength(offset: Int)
    /// A length that does not fit in memory.
    case lengthOverflow(offset: Int)
    /// An integer with leading zero bytes (or 0x00 for zero).
    case nonCanonicalInteger
    /// An integer wider than the field allows.
    case integerTooLarge(maxBytes: Int)
    /// A byte string where a list was required.
    case expectedList
    /// A list where a byte string was required.
    case expectedString
    /// A byte string of the wrong fixed length (an address, a hash).
    case wrongLength(expected: Int, found: Int)
    /// A list with the wrong number of elements.
    case wrongElementCount(expected: String, found: Int)

    public var description: String {
        switch self {
        case .truncated(let o, let n): return "rlp: input too short: item at offset \(o) needs \(n) more bytes"
        case .trailingBytes(let n): return "rlp: input contains \(n) bytes after the value"
        case .singleByteWrapped(let o): return "rlp: non-canonical size information: single byte below 128 encoded as a string at offset \(o)"
        case .nonCanonicalSize(let o): return "rlp: non-canonical size information: long-form length under 56 at offset \(o)"
        case .leadingZeroInLength(let o): return "rlp: non-canonical size information: length with leading zero at offset \(o)"
        case .lengthOverflow(let o): return "rlp: length at offset \(o) is too large"
        case .nonCanonicalInteger: return "rlp: non-canonical integer (leading zero bytes)"
        case .integerTooLarge(let n): return "rlp: integer larger than \(n) bytes"
        case .expectedList: return "rlp: expected a list, found a string"
        case .expectedString: return "rlp: expected a string, found a list"
        case .wrongLength(let e, let f): return "rlp: expected \(e) bytes, found \(f)"
        case .wrongElementCount(let e, let f): return "rlp: expected \(e) list elements, found \(f)"
        }
    }
}
