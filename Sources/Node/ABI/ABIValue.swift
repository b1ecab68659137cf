/// A value to ABI-encode, or one decoded from ABI bytes; its `ABIType` gives it meaning.
///
/// Signed integers are held as their 256-bit two's-complement bit pattern (the word as
/// it appears on the wire, sign-extended); `signed(_:)` and `int128` convert.
public indirect enum ABIValue: Hashable, Sendable {
    case uint(UInt256)
    /// The sign-extended 256-bit two's-complement pattern of an `intN`.
    case int(UInt256)
    case address(Address)
    case bool(Bool)
    /// The N bytes of a `bytesN` (without padding).
    case fixedBytes([UInt8])
    case bytes([UInt8])
    case string(String)
    /// The elements of a `T[]` or a `T[k]`.
    case array([ABIValue])
    case tuple([ABIValue])

    /// A ledger amount as a `uint256`.
    public static func amount(_ value: UInt128) -> ABIValue { .uint(UInt256(value)) }

    /// A signed integer as an `intN` value.
    public static func signed(_ value: Int128) -> ABIValue {
        let low = UInt128(bitPattern: value)
        return .int(UInt256(high: value < 0 ? .max : 0, low: low))
    }

    /// The value of an `intN` that fits in `Int128`.
    public var int128: Int128? {
        guard case .int(let bits) = self else { return nil }
        let low = Int128(bitPattern: bits.low)
        // Fits when the high half is the sign extension of the low half.
        let extended: UInt128 = low < 0 ? .max : 0
        return bits.high == extended ? low : nil
    }

    /// A short name of the value's kind, for error messages.
    var kindName: String {
        switch self {
        case .uint: return "an unsigned integer"
        case .int: return "a signed integer"
        case .address: return "an address"
        case .bool: return "a bool"
        case .fixedBytes(let b): return "\(b.count) fixed bytes"
        case .bytes: return "bytes"
        case .string: return "a string"
        case .array(let a): return "an array of \(a.count)"
        case .tuple(let t): return "a tuple of \(t.count)"
        }
    }

    /// Why a decoded value is not what the caller asked for.
    public enum AccessError: Error, Equatable, Sendable, CustomStringConvertible {
        case wrongKind(expected: String, found: String)
        case amountTooLarge(Amount.TooLarge)

        public var description: String {
            switch self {
            case .wrongKind(let e, let f): return "abi value: expected \(e), found \(f)"
            case .amountTooLarge(let e): return e.description
            }
        }
    }

    /// The `uint` value.
    public func uint256() throws(AccessError) -> UInt256 {
        guard case .uint(let v) = self else { throw .wrongKind(expected: "an unsigned integer", found: kindName) }
        return v
    }

    /// The `uint256` as a ledger amount (`Amount.fromWire`): larger values are an error.
    public func amount() throws(AccessError) -> UInt128 {
        let wire = try uint256()
        do { return try Amount.fromWire(wire) } catch { throw .amountTooLarge(error) }
    }

    /// The `address` value.
    public func address() throws(AccessError) -> Address {
        guard case .address(let a) = self else { throw .wrongKind(expected: "an address", found: kindName) }
        return a
    }

    /// The `bool` value.
    public func bool() throws(AccessError) -> Bool {
        guard case .bool(let b) = self else { throw .wrongKind(expected: "a bool", found: kindName) }
        return b
    }

    /// The `string` value.
    public func string() throws(AccessError) -> String {
        guard case .string(let s) = self else { throw .wrongKind(expected: "a string", found: kindName) }
        return s
    }

    /// The bytes of a `bytes` or `bytesN` value.
    public func byteString() throws(AccessError) -> [UInt8] {
        switch self {
        case .bytes(let b), .fixedBytes(let b): return b
        default: throw .wrongKind(expected: "bytes", found: kindName)
        }
    }

    /// The elements of an array or the components of a tuple.
    public func elements() throws(AccessError) -> [ABIValue] {
        switch self {
        case .array(let e), .tuple(let e): return e
        default: throw .wrongKind(expected: "an array or a tuple", found: kindName)
        }
    }
}
