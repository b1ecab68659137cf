/// A function selector: the first 4 bytes of the Keccak-256 of a canonical signature,
/// and the first 4 bytes of calldata.
public struct ABISelector: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 4 bytes, big-endian.
    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// The selector of a canonical signature such as `transfer(address,uint256)`.
    public init(signature: String) {
        let hash = Keccak256.hash(Array(signature.utf8))
        self.value = UInt32(truncatingIfNeeded: hash.w0 >> 32)
    }

    /// The first 4 bytes of `calldata`; `nil` when there are fewer.
    public init?<C: Collection>(calldata: C) where C.Element == UInt8 {
        guard calldata.count >= 4 else { return nil }
        self.value = calldata.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The 4 bytes.
    public var bytes: [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
         UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    /// `0x` and 8 lowercase hex digits.
    public var description: String { Hex.encode(bytes) }

    public static func < (a: ABISelector, b: ABISelector) -> Bool { a.value < b.value }
}
