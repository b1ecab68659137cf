/// Why typed data (EIP-712, as `eth_signTypedData_v4` sends it) cannot be hashed.
/// `path` names the place at fault: `types.Mail[1].type`, `message.to.wallet`,
/// `message.items[2]`.
public enum TypedDataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not JSON.
    case notJSON(String)
    /// A part of the document has the wrong JSON shape.
    case malformed(path: String, problem: String)
    /// A struct or field name that is not an identifier, or a struct named like an atomic type.
    case invalidName(path: String, name: String)
    /// A field type that is neither an EIP-712 atomic/dynamic type nor a declared struct.
    case unknownType(path: String, type: String)
    /// Two fields of one struct share a name.
    case duplicateField(type: String, field: String)
    /// `primaryType` names no declared struct.
    case unknownPrimaryType(String)
    /// A struct that can only contain itself: no finite value exists.
    case recursiveWithoutBase(type: String)
    /// A declared field with no value.
    case missingField(path: String)
    /// A value for a field its struct does not declare (it would not be signed).
    case undeclaredField(path: String)
    /// A domain key outside name, version, chainId, verifyingContract and salt while
    /// `types` declares no `EIP712Domain`.
    case unknownDomainField(String)
    /// A JSON value of the wrong kind for its type.
    case wrongValueType(path: String, expected: String, found: String)
    /// An integer outside its `uintN` / `intN`.
    case valueOutOfRange(path: String, type: String, value: String)
    /// A string that is not an address, or a mixed-case address with a wrong EIP-55 checksum.
    case invalidAddress(path: String, reason: String)
    /// A `bytesN` with another number of bytes than N, or a fixed array of the wrong length.
    case wrongLength(path: String, type: String, expected: Int, found: Int)
    /// Structs and arrays nested deeper than `TypedDataTypes.maximumNesting`.
    case nestedTooDeeply(path: String)

    public var description: String {
        switch self {
        case .notJSON(let reason): return "typed data: not JSON: \(reason)"
        case .malformed(let path, let problem): return "typed data: \(path) \(problem)"
        case .invalidName(let path, let name):
            return "typed data: \(path): \"\(name)\" is not a valid name (letters, digits, _ and $, not starting with a digit, not an atomic type)"
        case .unknownType(let path, let type):
            return "typed data: \(path): unknown type \"\(type)\" (not an EIP-712 atomic type and not declared in types)"
        case .duplicateField(let type, let field): return "typed data: struct \(type) declares field \"\(field)\" twice"
        case .unknownPrimaryType(let name): return "typed data: primaryType \"\(name)\" is not declared in types"
        case .recursiveWithoutBase(let type):
            return "typed data: struct \(type) always contains itself: make the recursion go through a dynamic array"
        case .missingField(let path): return "typed data: \(path) is missing"
        case .undeclaredField(let path): return "typed data: \(path) is not a field of its type and would not be signed"
        case .unknownDomainField(let name):
            return "typed data: domain.\(name) is not an EIP712Domain field (name, version, chainId, verifyingContract, salt); declare EIP712Domain in types to use it"
        case .wrongValueType(let path, let expected, let found): return "typed data: \(path) must be \(expected), not \(found)"
        case .valueOutOfRange(let path, let type, let value): return "typed data: \(path) = \(value) does not fit \(type)"
        case .invalidAddress(let path, let reason): return "typed data: \(path): \(reason)"
        case .wrongLength(let path, let type, let expected, let found):
            return "typed data: \(path) has \(found) \(type.hasPrefix("bytes") ? "bytes" : "elements"), \(type) needs \(expected)"
        case .nestedTooDeeply(let path):
            return "typed data: \(path) is nested more than \(TypedDataTypes.maximumNesting) levels deep"
        }
    }
}
