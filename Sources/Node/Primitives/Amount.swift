/// Token amounts: `uint256` on the wire, checked `UInt128` inside the ledger.
///
/// 2^128 raw units is about 3.4 × 10^20 whole tokens at 18 decimals, far beyond any
/// real share count, so the ledger keeps `UInt128` and refuses larger wire values.
public enum Amount {
    /// Share tokens have 18 decimals: 1 share = 10^18 raw units.
    public static let shareDecimals = 18
    /// The USD cash token has 6 decimals: $1 = 10^6 raw units.
    public static let cashDecimals = 6

    /// A wire value too large for the ledger.
    public struct TooLarge: Error, Equatable, CustomStringConvertible {
        public let value: UInt256
        public var description: String {
            "amount \(value) does not fit the ledger's 128-bit amounts (maximum \(UInt128.max))"
        }
    }

    /// The ledger amount for a wire value, or `TooLarge`.
    public static func fromWire(_ value: UInt256) throws(TooLarge) -> UInt128 {
        guard let v = value.uint128 else { throw TooLarge(value: value) }
        return v
    }
}
