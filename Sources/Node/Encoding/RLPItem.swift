/// A decoded RLP value: a byte string or a list of values.
public indirect enum RLPItem: Equatable, Sendable {
    case bytes([UInt8])
    case list([RLPItem])

    /// An unsigned integer in RLP's canonical form: big-endian, no leading zeros, zero as empty.
    public static func uint(_ value: UInt64) -> RLPItem {
        var bytes = [UInt8]()
        var v = value
        while v > 0 {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
        return .bytes(bytes.reversed())
    }

    /// A 256-bit unsigned integer in canonical form.
    public static func uint(_ value: UInt256) -> RLPItem { .bytes(value.minimalBigEndianBytes) }

    /// The item's canonical encoding.
    public var encoded: [UInt8] {
        var out = [UInt8]()
        RLP.append(self, to: &out)
        return out
    }
}
