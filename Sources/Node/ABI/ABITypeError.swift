/// Why a type string or a constructed `ABIType` is not a usable Solidity ABI type.
public enum ABITypeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The type string is empty, or a tuple has an empty component.
    case empty(String)
    /// A name that is not an ABI type (`uint7`, `bytes33`, `float`, `Person`).
    case unknownType(String)
    /// The text does not follow the grammar: `reason` says what was expected where.
    case malformed(String, reason: String)
    /// `()` or `T[0]`: a type that occupies no bytes cannot be decoded safely.
    case zeroSized(String)
    /// Arrays and tuples nested deeper than `ABIType.maximumNesting`.
    case nestedTooDeeply(limit: Int)
    /// A static type whose encoding would exceed `ABIType.maximumStaticSize` bytes.
    case tooLarge(String)

    public var description: String {
        switch self {
        case .empty(let text):
            return "abi type: empty type in \"\(text)\""
        case .unknownType(let name):
            return "abi type: unknown type \"\(name)\" (expected uintN/intN with N in 8…256 step 8, address, bool, bytesN with N in 1…32, bytes, string, T[], T[k] or a tuple)"
        case .malformed(let text, let reason):
            return "abi type: cannot parse \"\(text)\": \(reason)"
        case .zeroSized(let type):
            return "abi type: \(type) has no bytes on the wire; empty tuples and zero-length fixed arrays are not supported"
        case .nestedTooDeeply(let limit):
            return "abi type: arrays and tuples are nested more than \(limit) levels deep"
        case .tooLarge(let type):
            return "abi type: the static encoding of \(type) exceeds \(ABIType.maximumStaticSize) bytes"
        }
    }
}
