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

extension Amount {
    /// Why a decimal amount is refused.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case notADecimal(String)
        case tooManyDecimals(String, allowed: Int)
        case tooLarge(String)

        public var description: String {
            switch self {
            case .notADecimal(let s): return "'\(s)' is not a decimal amount (digits, optionally one '.')"
            case .tooManyDecimals(let s, let n): return "'\(s)' has more than \(n) decimal places"
            case .tooLarge(let s): return "'\(s)' is too large for a 128-bit amount"
            }
        }
    }

    /// Parses a human decimal amount ("1000", "12.5") into raw units of a token with
    /// `decimals` decimals; more decimal places than the token has is an error, never
    /// a silent rounding.
    public static func parse(_ text: String, decimals: Int) throws(ParseError) -> UInt128 {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
              whole.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw .notADecimal(text) }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw .notADecimal(text)
        }
        guard fraction.count <= decimals else { throw .tooManyDecimals(text, allowed: decimals) }
        let digits = whole + fraction + String(repeating: "0", count: decimals - fraction.count)
        guard let wide = UInt256(decimal: String(digits)), let value = wide.uint128 else { throw .tooLarge(text) }
        return value
    }

    /// Formats raw units as a decimal with trailing zeros removed ("1000", "12.5").
    public static func format(_ raw: UInt128, decimals: Int) -> String {
        var scale: UInt128 = 1
        for _ in 0..<decimals { scale *= 10 }
        let whole = raw / scale, fraction = raw % scale
        guard fraction != 0 else { return String(whole) }
        var f = String(fraction)
        f = String(repeating: "0", count: decimals - f.count) + f
        while f.hasSuffix("0") { f.removeLast() }
        return "\(whole).\(f)"
    }
}
