/// A parsed JSON document with its types kept apart: `true` is never the number 1,
/// and whole numbers are exact (no detour through `Double`).
public enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    /// A whole number from 0 to `UInt64.max`.
    case unsigned(UInt64)
    /// A negative whole number.
    case signed(Int64)
    /// Any other number.
    case fraction(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let u = try? c.decode(UInt64.self) { self = .unsigned(u) }
        else if let i = try? c.decode(Int64.self) { self = .signed(i) }
        else if let d = try? c.decode(Double.self) { self = .fraction(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// The JSON type's name, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .unsigned, .signed, .fraction: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
