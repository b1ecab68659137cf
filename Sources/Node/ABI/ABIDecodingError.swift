/// Why bytes are not a strict ABI encoding of the expected types. Positions are byte
/// offsets into the input as given (for calldata, counting the 4-byte selector).
public enum ABIDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The type itself is unusable.
    case invalidType(ABITypeError)
    /// The input ends before a value: `needed` bytes at `position`, `available` left.
    case truncated(position: Int, needed: Int, available: Int)
    /// An offset (at `position`) that points past the end of the input.
    case offsetOutOfBounds(position: Int, offset: String)
    /// An offset that is not a multiple of 32.
    case misalignedOffset(position: Int, offset: Int)
    /// An offset that is inside the data but not where strict encoding puts the value
    /// (overlapping or leaving a gap).
    case nonCanonicalOffset(position: Int, expected: Int, found: Int)
    /// A length (at `position`) larger than the remaining input can hold.
    case lengthTooLarge(position: Int, length: String, available: Int)
    /// Non-zero bytes where a word of `type` must be zero-padded.
    case nonZeroPadding(position: Int, type: String)
    /// A `bool` word that is neither 0 nor 1.
    case invalidBool(position: Int)
    /// An `intN` word whose high bytes do not repeat its sign.
    case badSignExtension(position: Int, type: String)
    /// A `string` whose bytes are not UTF-8.
    case invalidUTF8(position: Int)
    /// Bytes left after the encoded values.
    case trailingBytes(position: Int, count: Int)
    /// Calldata shorter than a 4-byte selector.
    case missingSelector(length: Int)
    /// Calldata for another function.
    case selectorMismatch(expected: ABISelector, found: ABISelector)
    /// A log with another number of topics than the event has indexed parameters (+1).
    case wrongTopicCount(event: String, expected: Int, found: Int)
    /// A log whose first topic is another event's.
    case topicMismatch(event: String, expected: Bytes32, found: Bytes32)
    /// An indexed topic whose word is not a strict encoding of its type.
    case invalidTopic(index: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidType(let e):
            return e.description
        case .truncated(let p, let n, let a):
            return "abi decode: input too short: \(n) bytes needed at byte \(p), \(a) available"
        case .offsetOutOfBounds(let p, let o):
            return "abi decode: offset \(o) at byte \(p) points outside the data"
        case .misalignedOffset(let p, let o):
            return "abi decode: offset \(o) at byte \(p) is not a multiple of 32"
        case .nonCanonicalOffset(let p, let e, let f):
            return "abi decode: offset \(f) at byte \(p) is not the strict encoding's \(e) (overlapping or gapped data)"
        case .lengthTooLarge(let p, let l, let a):
            return "abi decode: length \(l) at byte \(p) exceeds the \(a) bytes that follow"
        case .nonZeroPadding(let p, let t):
            return "abi decode: \(t) at byte \(p) has non-zero padding"
        case .invalidBool(let p):
            return "abi decode: bool at byte \(p) is neither 0 nor 1"
        case .badSignExtension(let p, let t):
            return "abi decode: \(t) at byte \(p) is not correctly sign-extended"
        case .invalidUTF8(let p):
            return "abi decode: string at byte \(p) is not valid UTF-8"
        case .trailingBytes(let p, let n):
            return "abi decode: \(n) unexpected bytes after the values, from byte \(p)"
        case .missingSelector(let n):
            return "abi decode: calldata of \(n) bytes has no 4-byte function selector"
        case .selectorMismatch(let e, let f):
            return "abi decode: calldata is for selector \(f), expected \(e)"
        case .wrongTopicCount(let event, let e, let f):
            return "abi decode: a \(event) log has \(e) topics, this one has \(f)"
        case .topicMismatch(let event, let e, let f):
            return "abi decode: topic 0 is \(f), not \(event)'s \(e)"
        case .invalidTopic(let i, let reason):
            return "abi decode: topic \(i): \(reason)"
        }
    }
}
