/// A 32-byte value: a Keccak-256 hash, a block hash, a storage key, a log topic.
///
/// Stored as four big-endian 64-bit words so it is a plain value (no heap), hashes and
/// compares fast, and orders exactly like its bytes (lexicographic, unsigned).
public struct Bytes32: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Bytes 0..<8, 8..<16, 16..<24, 24..<32, each read big-endian.
    public var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    /// All zero bytes.
    public static let zero = Bytes32(w0: 0, w1: 0, w2: 0, w3: 0)

    public init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0; self.w1 = w1; self.w2 = w2; self.w3 = w3
    }

    /// Reads exactly 32 bytes; `nil` for any other length.
    public init?<C: Collection>(bytes: C) where C.Element == UInt8 {
        guard bytes.count == 32 else { return nil }
        var words: [UInt64] = [0, 0, 0, 0]
        for (i, b) in bytes.enumerated() { words[i >> 3] = words[i >> 3] << 8 | UInt64(b) }
        self.init(w0: words[0], w1: words[1], w2: words[2], w3: words[3])
    }

    /// Parses `0x` followed by exactly 64 hex digits.
    public init?(hex: String) {
        guard let raw = Hex.decode(hex), raw.count == 32 else { return nil }
        self.init(bytes: raw)
    }

    /// The 32 bytes, big-endian.
    public var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        for (i, w) in [w0, w1, w2, w3].enumerated() {
            for j in 0..<8 { out[i * 8 + j] = UInt8(truncatingIfNeeded: w >> UInt64(56 - 8 * j)) }
        }
        return out
    }

    /// `0x`-prefixed lowercase hex, 64 digits.
    public var hex: String { Hex.encode(bytes) }

    public var description: String { hex }

    public static func < (a: Bytes32, b: Bytes32) -> Bool {
        (a.w0, a.w1, a.w2, a.w3) < (b.w0, b.w1, b.w2, b.w3)
    }
}
