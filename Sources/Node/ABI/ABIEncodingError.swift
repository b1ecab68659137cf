/// Why values cannot be ABI-encoded as the given types. `path` locates the value:
/// `arguments.1[2].0` is component 0 of element 2 of the second argument.
public enum ABIEncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The type itself is unusable.
    case invalidType(ABITypeError)
    /// A value of another kind than the type needs (a string for a `uint256`).
    case typeMismatch(path: String, expected: String, found: String)
    /// An integer that does not fit its `uintN` / `intN`.
    case valueOutOfRange(path: String, type: String, value: String)
    /// A `bytesN` value with another number of bytes than N.
    case wrongByteCount(path: String, type: String, found: Int)
    /// A fixed array, a tuple or an argument list with another number of values than types.
    case wrongElementCount(path: String, type: String, expected: Int, found: Int)
    /// An event with more indexed parameters than a log has topics for.
    case tooManyIndexedParameters(event: String, count: Int, limit: Int)

    public var description: String {
        switch self {
        case .invalidType(let e):
            return e.description
        case .typeMismatch(let path, let expected, let found):
            return "abi encode: \(path) must be \(expected), found \(found)"
        case .valueOutOfRange(let path, let type, let value):
            return "abi encode: \(path) = \(value) does not fit \(type)"
        case .wrongByteCount(let path, let type, let found):
            return "abi encode: \(path) has \(found) bytes, \(type) needs exactly \(type.dropFirst(5))"
        case .wrongElementCount(let path, let type, let expected, let found):
            return "abi encode: \(path) has \(found) values, \(type) needs \(expected)"
        case .tooManyIndexedParameters(let event, let count, let limit):
            return "abi encode: event \(event) has \(count) indexed parameters, at most \(limit) fit in a log's topics"
        }
    }

    /// The same error one level further out: `component` is prepended to the path.
    func within(_ component: String) -> ABIEncodingError {
        switch self {
        case .invalidType, .tooManyIndexedParameters:
            return self
        case .typeMismatch(let path, let e, let f):
            return .typeMismatch(path: component + path, expected: e, found: f)
        case .valueOutOfRange(let path, let t, let v):
            return .valueOutOfRange(path: component + path, type: t, value: v)
        case .wrongByteCount(let path, let t, let f):
            return .wrongByteCount(path: component + path, type: t, found: f)
        case .wrongElementCount(let path, let t, let e, let f):
            return .wrongElementCount(path: component + path, type: t, expected: e, found: f)
        }
    }
}
