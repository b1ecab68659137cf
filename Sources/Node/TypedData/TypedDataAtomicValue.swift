/// Converts the JSON forms wallets send for EIP-712 atomic values into ABI words.
///
/// Accepted: integers as JSON whole numbers, decimal strings (a leading `-` for `intN`)
/// or `0x` hex strings; `bool` as JSON booleans; addresses as `0x` hex (a mixed-case
/// address must carry its EIP-55 checksum); `bytesN` and `bytes` as `0x` hex, `bytesN`
/// with exactly N bytes. Anything else is refused rather than guessed.
enum TypedDataAtomicValue {
    static func word(_ type: ABIType, _ value: JSONValue, path: String) throws(TypedDataError) -> [UInt8] {
        let abiValue: ABIValue
        switch type {
        case .uint(let bits):
            let (negative, magnitude) = try integer(value, path: path, type: type)
            guard !negative || magnitude == .zero, magnitude.bitWidth <= bits else {
                throw .valueOutOfRange(path: path, type: type.canonicalName, value: describe(negative, magnitude))
            }
            abiValue = .uint(magnitude)
        case .int(let bits):
            let (negative, magnitude) = try integer(value, path: path, type: type)
            // -2^(bits-1) ≤ value < 2^(bits-1)
            let limit = negative ? magnitude.subtractingReportingOverflow(UInt256(1 as UInt64)).partialValue : magnitude
            guard magnitude == .zero || limit.bitWidth <= bits - 1 else {
                throw .valueOutOfRange(path: path, type: type.canonicalName, value: describe(negative, magnitude))
            }
            abiValue = .int(negative ? negate(magnitude) : magnitude)
        case .bool:
            guard case .bool(let b) = value else {
                throw .wrongValueType(path: path, expected: "true or false", found: value.typeName)
            }
            abiValue = .bool(b)
        case .address:
            guard case .string(let text) = value else {
                throw .wrongValueType(path: path, expected: "an address string", found: value.typeName)
            }
            do { abiValue = .address(try Address(hex: text)) } catch { throw .invalidAddress(path: path, reason: error.description) }
        case .fixedBytes(let n):
            let bytes = try hexBytes(value, path: path, type: type.canonicalName)
            guard bytes.count == n else {
                throw .wrongLength(path: path, type: type.canonicalName, expected: n, found: bytes.count)
            }
            abiValue = .fixedBytes(bytes)
        case .bytes, .string, .array, .fixedArray, .tuple:
            throw .unknownType(path: path, type: type.canonicalName)
        }
        do { return try ABIEncoder.encode(abiValue, as: type) } catch {
            throw .valueOutOfRange(path: path, type: type.canonicalName, value: error.description)
        }
    }

    /// The bytes of a `0x` hex string.
    static func hexBytes(_ value: JSONValue, path: String, type: String) throws(TypedDataError) -> [UInt8] {
        guard case .string(let text) = value, text.hasPrefix("0x") || text.hasPrefix("0X"), let bytes = Hex.decode(text) else {
            throw .wrongValueType(path: path, expected: "0x-prefixed hex (\(type))", found: value.typeName == "a string" ? "a non-hex string" : value.typeName)
        }
        return bytes
    }

    /// Sign and magnitude of an integer given as a JSON number, a decimal or a hex string.
    private static func integer(_ value: JSONValue, path: String, type: ABIType) throws(TypedDataError) -> (Bool, UInt256) {
        switch value {
        case .unsigned(let u):
            return (false, UInt256(u))
        case .signed(let i):
            return (i < 0, UInt256(i.magnitude))
        case .string(let text):
            var digits = Substring(text)
            let negative = digits.hasPrefix("-")
            if negative { digits = digits.dropFirst() }
            let parsed: UInt256?
            if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
                let hex = digits.dropFirst(2)
                parsed = hex.isEmpty || hex.count > 64 ? nil
                    : Hex.decode((hex.count % 2 == 1 ? "0" : "") + hex).flatMap { UInt256(bigEndian: $0) }
            } else {
                parsed = UInt256(decimal: String(digits))
            }
            guard let magnitude = parsed else {
                throw .wrongValueType(path: path, expected: "an integer (\(type.canonicalName)) as a number, a decimal or a 0x hex string", found: "\"\(text)\"")
            }
            return (negative, magnitude)
        default:
            throw .wrongValueType(
                path: path,
                expected: "an integer (\(type.canonicalName)); write values beyond 64 bits as decimal or 0x hex strings",
                found: value.typeName == "a number" ? "a number that is not a whole 64-bit value" : value.typeName)
        }
    }

    /// Two's complement of a magnitude in 256 bits.
    private static func negate(_ magnitude: UInt256) -> UInt256 {
        UInt256(high: ~magnitude.high, low: ~magnitude.low).addingReportingOverflow(UInt256(1 as UInt64)).partialValue
    }

    private static func describe(_ negative: Bool, _ magnitude: UInt256) -> String {
        (negative && magnitude != .zero ? "-" : "") + magnitude.description
    }
}
