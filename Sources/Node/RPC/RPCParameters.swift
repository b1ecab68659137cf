/// A request's positional parameters, read with geth's rules and geth's messages
/// (`missing value for required argument 0`, `too many arguments, want at most 2`,
/// `invalid argument 1: hex string without 0x prefix`).
public struct RPCParameters: Sendable {
    public let values: [JSONValue]

    /// `params` as sent: absent or null is no parameters; otherwise an array.
    public init(_ params: JSONValue?) throws(RPCError) {
        switch params {
        case nil, .null?: values = []
        case .array(let a)?: values = a
        default: throw .invalidParams("non-array args: params must be a JSON array")
        }
    }

    /// Refuses more than `count` parameters.
    public func expect(atMost count: Int) throws(RPCError) {
        // Trailing nulls are absent optional arguments, as geth reads them.
        var n = values.count
        while n > count, values[n - 1] == .null { n -= 1 }
        guard n <= count else { throw .invalidParams("too many arguments, want at most \(count)") }
    }

    /// Parameter `i`, which must be present.
    public func required(_ i: Int) throws(RPCError) -> JSONValue {
        guard i < values.count, values[i] != .null else { throw .invalidParams("missing value for required argument \(i)") }
        return values[i]
    }

    /// Parameter `i`, or nil when absent or null.
    public func optional(_ i: Int) -> JSONValue? {
        guard i < values.count, values[i] != .null else { return nil }
        return values[i]
    }

    /// Runs `read` on parameter `i`, prefixing its error with `invalid argument i: `.
    public func read<T>(_ i: Int, _ read: (JSONValue) throws(RPCValueError) -> T) throws(RPCError) -> T {
        let value = try required(i)
        do { return try read(value) } catch { throw .invalidParams("invalid argument \(i): \(error.message)") }
    }

    /// Like `read`, for an optional parameter.
    public func readOptional<T>(_ i: Int, _ read: (JSONValue) throws(RPCValueError) -> T) throws(RPCError) -> T? {
        guard let value = optional(i) else { return nil }
        do { return try read(value) } catch { throw .invalidParams("invalid argument \(i): \(error.message)") }
    }
}

/// Why a JSON value is not what a parameter needs; the message follows geth's hexutil.
public struct RPCValueError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }

    /// Adds the place inside an object: `data: hex string of odd length`.
    func at(_ field: String) -> RPCValueError { RPCValueError("\(field): \(message)") }
}

/// Readers of the JSON-RPC value encodings: quantities, data, addresses, hashes, block tags.
public enum RPCValue {
    private static func hexString(_ value: JSONValue, goType: String) throws(RPCValueError) -> Substring.UTF8View {
        guard case .string(let s) = value else {
            throw RPCValueError("json: cannot unmarshal \(value.typeName) into Go value of type \(goType)")
        }
        let utf8 = Substring(s).utf8
        guard utf8.count >= 2, utf8.first == UInt8(ascii: "0"),
              let x = utf8.dropFirst().first, x == UInt8(ascii: "x") || x == UInt8(ascii: "X") else {
            throw RPCValueError(s.isEmpty ? "empty hex string" : "hex string without 0x prefix")
        }
        return Substring(s).utf8.dropFirst(2)
    }

    /// Hex digits of a quantity, canonical: no leading zeros, at least one digit.
    private static func quantityDigits(_ value: JSONValue, maxBits: Int, goType: String) throws(RPCValueError) -> Substring.UTF8View {
        let digits = try hexString(value, goType: goType)
        guard !digits.isEmpty else { throw RPCValueError("hex string \"0x\"") }
        if digits.count > 1, digits.first == UInt8(ascii: "0") { throw RPCValueError("hex number with leading zero digits") }
        guard digits.allSatisfy({ Hex.nibble($0) != nil }) else { throw RPCValueError("invalid hex string") }
        guard digits.count <= maxBits / 4 else { throw RPCValueError("hex number > \(maxBits) bits") }
        return digits
    }

    /// A quantity of at most 64 bits (`0x0`, `0x1a`).
    public static func uint64(_ value: JSONValue) throws(RPCValueError) -> UInt64 {
        var v: UInt64 = 0
        for d in try quantityDigits(value, maxBits: 64, goType: "hexutil.Uint64") { v = v << 4 | UInt64(Hex.nibble(d)!) }
        return v
    }

    /// A quantity of at most 256 bits.
    public static func uint256(_ value: JSONValue) throws(RPCValueError) -> UInt256 {
        let digits = try quantityDigits(value, maxBits: 256, goType: "*hexutil.Big")
        let padded = String(repeating: "0", count: digits.count % 2) + String(Substring(digits))
        return UInt256(bigEndian: Hex.decode(padded)!)!
    }

    /// Hex data (`0x`, `0xa9059cbb…`): even length.
    public static func data(_ value: JSONValue) throws(RPCValueError) -> [UInt8] {
        let digits = try hexString(value, goType: "hexutil.Bytes")
        guard digits.count % 2 == 0 else { throw RPCValueError("hex string of odd length") }
        return try bytes(digits)
    }

    /// Exactly `count` bytes of hex data.
    private static func fixed(_ value: JSONValue, count: Int, goType: String) throws(RPCValueError) -> [UInt8] {
        let digits = try hexString(value, goType: goType)
        guard digits.count == count * 2 else { throw RPCValueError("hex string has length \(digits.count), want \(count * 2) for \(goType)") }
        return try bytes(digits)
    }

    /// Decodes an even number of hex digits in place: raw transactions arrive by the
    /// thousand, so no intermediate string is made, and the digits are read straight
    /// from the string's UTF-8 storage.
    private static func bytes(_ digits: Substring.UTF8View) throws(RPCValueError) -> [UInt8] {
        let decoded = digits.withContiguousStorageIfAvailable(Self.bytes) ?? Array(digits).withUnsafeBufferPointer(Self.bytes)
        guard let decoded else { throw RPCValueError("invalid hex string") }
        return decoded
    }

    /// The bytes of an even number of hex digits; nil if one is not a hex digit.
    private static func bytes(_ digits: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let count = digits.count / 2
        var valid = true
        let out = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count {
                guard let h = Hex.nibble(digits[2 * i]), let l = Hex.nibble(digits[2 * i + 1]) else {
                    valid = false
                    break
                }
                buffer[i] = h << 4 | l
                initialized = i + 1
            }
        }
        return valid ? out : nil
    }

    /// A 20-byte address; any case is accepted, as geth does.
    public static func address(_ value: JSONValue) throws(RPCValueError) -> Address {
        Address(bytes: try fixed(value, count: 20, goType: "common.Address"))!
    }

    /// A 32-byte hash.
    public static func hash(_ value: JSONValue) throws(RPCValueError) -> Bytes32 {
        Bytes32(bytes: try fixed(value, count: 32, goType: "common.Hash"))!
    }

    public static func bool(_ value: JSONValue) throws(RPCValueError) -> Bool {
        guard case .bool(let b) = value else { throw RPCValueError("json: cannot unmarshal \(value.typeName) into Go value of type bool") }
        return b
    }

    public static func string(_ value: JSONValue) throws(RPCValueError) -> String {
        guard case .string(let s) = value else { throw RPCValueError("json: cannot unmarshal \(value.typeName) into Go value of type string") }
        return s
    }

    public static func object(_ value: JSONValue) throws(RPCValueError) -> [String: JSONValue] {
        guard case .object(let o) = value else { throw RPCValueError("json: cannot unmarshal \(value.typeName) into an object") }
        return o
    }

    /// A block tag or number, or an EIP-1898 `{blockHash}` / `{blockNumber}` object.
    public static func blockTag(_ value: JSONValue) throws(RPCValueError) -> BlockTag {
        if case .object(let o) = value {
            if let hash = o["blockHash"], hash != .null {
                guard o["blockNumber"] == nil || o["blockNumber"] == .null else {
                    throw RPCValueError("cannot specify both BlockHash and BlockNumber, choose one or the other")
                }
                do { return .hash(try Self.hash(hash)) } catch { throw error.at("blockHash") }
            }
            if let number = o["blockNumber"], number != .null {
                do { return try blockTag(number) } catch { throw error.at("blockNumber") }
            }
            throw RPCValueError("hex string without 0x prefix")
        }
        if case .string(let s) = value {
            switch s {
            case "latest": return .latest
            case "pending": return .pending
            case "earliest": return .earliest
            case "safe": return .safe
            case "finalized": return .finalized
            default: break
            }
        }
        let n = try uint64(value)
        guard n <= UInt64(Int64.max) else { throw RPCValueError("block number larger than int64") }
        return .number(n)
    }
}
