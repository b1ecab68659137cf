/// A non-negative decimal quantity (shares, or a cash amount) held exactly as an
/// integer number of 10^-18 units, so fractional shares add and compare without
/// floating point. 18 decimals matches the share token's decimals on chain.
public struct Quantity: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The number of decimals the fixed point carries.
    public static let decimals = 18
    /// 10^18: the raw units in one whole share.
    public static let scale: UInt128 = 1_000_000_000_000_000_000
    /// Zero.
    public static let zero = Quantity(raw: 0)

    /// The quantity in units of 10^-18.
    public let raw: UInt128

    /// A quantity from raw 10^-18 units.
    public init(raw: UInt128) { self.raw = raw }

    /// A whole number of shares; nil when it does not fit.
    public init?(whole: UInt64) {
        let (value, overflow) = UInt128(whole).multipliedReportingOverflow(by: Self.scale)
        guard !overflow else { return nil }
        raw = value
    }

    /// Why a text is not a quantity, or why arithmetic on quantities failed.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case notANumber(String)
        case negative(String)
        case tooManyDecimals(String, allowed: Int)
        case tooLarge(String)
        case missingDecimalComma(String)
        case overflow
        case underflow(Quantity, minus: Quantity)

        public var description: String {
            switch self {
            case .empty: return "the quantity is empty"
            case .notANumber(let t): return "'\(t)' is not a decimal number"
            case .negative(let t): return "'\(t)' is negative; custody quantities are never negative"
            case .tooManyDecimals(let t, let n): return "'\(t)' has more than \(n) decimals"
            case .tooLarge(let t): return "'\(t)' is too large for a quantity"
            case .missingDecimalComma(let t): return "'\(t)' has no decimal comma (SWIFT writes 100 as '100,')"
            case .overflow: return "the sum is too large for a quantity"
            case .underflow(let a, let b): return "\(a) minus \(b) would be negative"
            }
        }
    }

    /// Parses a decimal written with `separator` (`.` in XML and CSV, `,` in SWIFT):
    /// optional leading `+`, digits, at most one separator, at most 18 decimals.
    /// A leading `-` is refused as negative; `requireSeparator` enforces the SWIFT
    /// rule that the decimal comma is always written.
    public init(parsing text: String, separator: Character = ".", requireSeparator: Bool = false) throws(Failure) {
        guard !text.isEmpty else { throw .empty }
        var body = Substring(text)
        if body.first == "-" {
            guard body.dropFirst().contains(where: { $0.isASCII && $0.isNumber }) else { throw .notANumber(text) }
            throw .negative(text)
        }
        if body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: false)
        let integer = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(integer.isEmpty && fraction.isEmpty),
              integer.allSatisfy({ $0.isASCII && $0.isNumber }),
              fraction.allSatisfy({ $0.isASCII && $0.isNumber })
        else { throw .notANumber(text) }
        if requireSeparator && parts.count < 2 { throw .missingDecimalComma(text) }
        let significantFraction = fraction.reversed().drop(while: { $0 == "0" }).reversed()
        guard significantFraction.count <= Self.decimals else { throw .tooManyDecimals(text, allowed: Self.decimals) }
        var value: UInt128 = 0
        let digits = String(integer) + String(significantFraction) + String(repeating: "0", count: Self.decimals - significantFraction.count)
        for c in digits {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(UInt128(c.wholeNumberValue ?? 0))
            guard !o1, !o2 else { throw .tooLarge(text) }
            value = next
        }
        raw = value
    }

    /// The sum; throws rather than wrapping.
    public func adding(_ other: Quantity) throws(Failure) -> Quantity {
        let (sum, overflow) = raw.addingReportingOverflow(other.raw)
        guard !overflow else { throw .overflow }
        return Quantity(raw: sum)
    }

    /// The difference; throws when it would be negative.
    public func subtracting(_ other: Quantity) throws(Failure) -> Quantity {
        guard raw >= other.raw else { throw .underflow(self, minus: other) }
        return Quantity(raw: raw - other.raw)
    }

    /// Whether the quantity is zero.
    public var isZero: Bool { raw == 0 }

    /// The decimal text with `separator`, without trailing zero decimals
    /// (`100`, `12.5`); with `alwaysSeparator`, whole numbers keep it (`100,`).
    public func formatted(separator: Character = ".", alwaysSeparator: Bool = false) -> String {
        let whole = raw / Self.scale
        var fraction = String(raw % Self.scale)
        fraction = String(repeating: "0", count: Self.decimals - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        if fraction.isEmpty { return alwaysSeparator ? "\(whole)\(separator)" : "\(whole)" }
        return "\(whole)\(separator)\(fraction)"
    }

    /// The number of significant decimals (0 for a whole number).
    public var significantDecimals: Int {
        var fraction = raw % Self.scale
        guard fraction != 0 else { return 0 }
        var count = Self.decimals
        while fraction % 10 == 0 { fraction /= 10; count -= 1 }
        return count
    }

    public var description: String { formatted() }

    public static func < (a: Quantity, b: Quantity) -> Bool { a.raw < b.raw }

    public init(from decoder: Decoder) throws {
        self = try SingleStringCoding.decode(decoder) { (t) throws(Failure) in try Self(parsing: t) }
    }

    public func encode(to encoder: Encoder) throws { try SingleStringCoding.encode(formatted(), to: encoder) }
}
