/// JSON-RPC's value encodings (ethereum/execution-apis base types): quantities as
/// `0x`-prefixed hex without leading zeros (`0x0`, `0x1a`), data as even-length hex.
extension JSONValue {
    private static let digits = Array("0123456789abcdef".utf8)

    /// A canonical hex quantity.
    public static func quantity(_ value: UInt64) -> JSONValue { .string(quantityText(value)) }

    /// A canonical hex quantity.
    public static func quantity(_ value: UInt256) -> JSONValue {
        let bytes = value.minimalBigEndianBytes
        guard let first = bytes.first else { return .string("0x0") }
        var text = Hex.encode(bytes)
        if first < 0x10 { text.remove(at: text.index(text.startIndex, offsetBy: 2)) }
        return .string(text)
    }

    /// A canonical hex quantity.
    public static func quantity(_ value: UInt128) -> JSONValue { quantity(UInt256(value)) }

    /// Hex data.
    public static func data<C: Collection>(_ bytes: C) -> JSONValue where C.Element == UInt8 { .string(Hex.encode(bytes)) }

    /// A 32-byte hash.
    public static func hash(_ value: Bytes32) -> JSONValue { .string(value.hex) }

    /// An address, lowercase as geth writes it.
    public static func address(_ value: Address) -> JSONValue { .string(value.lowercaseHex) }

    /// The hex text of a quantity.
    static func quantityText(_ value: UInt64) -> String {
        guard value != 0 else { return "0x0" }
        var out: [UInt8] = [UInt8(ascii: "0"), UInt8(ascii: "x")]
        var shift = (64 - value.leadingZeroBitCount + 3) / 4 * 4
        while shift > 0 {
            shift -= 4
            out.append(digits[Int((value >> UInt64(shift)) & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
