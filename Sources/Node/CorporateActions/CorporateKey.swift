/// The state keys of corporate actions (tags 0x09–0x0F), carried by
/// `StateKey.corporate`. Encoded as a tag byte followed by fixed-width fields.
public enum CorporateKey: Hashable, Sendable, Comparable {
    /// A dividend by id (0x09).
    case dividend(UInt64)
    /// A holder's accumulator standing in a token (0x0A).
    case holding(token: Address, holder: Address)
    /// A holder's entitlement to a dividend (0x0B).
    case entitlement(dividendId: UInt64, holder: Address)
    /// A token's accumulator and multiplier epoch (0x0C).
    case asset(Address)
    /// An entry of a token's multiplier history (0x0D).
    case multiplierChange(token: Address, nonce: UInt64)
    /// A holder's withholding totals (0x0E).
    case withholding(Address)
    /// The corporate-action calendar and dividend counter (0x0F).
    case schedule

    /// The tag byte.
    public var tag: UInt8 {
        switch self {
        case .dividend: return 0x09
        case .holding: return 0x0A
        case .entitlement: return 0x0B
        case .asset: return 0x0C
        case .multiplierChange: return 0x0D
        case .withholding: return 0x0E
        case .schedule: return 0x0F
        }
    }

    private static func word(_ v: UInt64) -> [UInt8] { withUnsafeBytes(of: v.bigEndian, Array.init) }

    private static func readWord(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.reduce(0) { $0 << 8 | UInt64($1) } }

    /// Tag byte, then the fields.
    public var encoded: [UInt8] {
        switch self {
        case .dividend(let id): return [tag] + Self.word(id)
        case .holding(let t, let h): return [tag] + t.bytes + h.bytes
        case .entitlement(let id, let h): return [tag] + Self.word(id) + h.bytes
        case .asset(let t): return [tag] + t.bytes
        case .multiplierChange(let t, let n): return [tag] + t.bytes + Self.word(n)
        case .withholding(let h): return [tag] + h.bytes
        case .schedule: return [tag]
        }
    }

    /// Parses a stored key; nil for anything else (including other tags).
    public init?(encoded: [UInt8]) {
        guard let first = encoded.first else { return nil }
        let body = encoded.dropFirst()
        switch (first, body.count) {
        case (0x09, 8): self = .dividend(Self.readWord(body))
        case (0x0A, 40):
            guard let t = Address(bytes: body.prefix(20)), let h = Address(bytes: body.suffix(20)) else { return nil }
            self = .holding(token: t, holder: h)
        case (0x0B, 28):
            guard let h = Address(bytes: body.suffix(20)) else { return nil }
            self = .entitlement(dividendId: Self.readWord(body.prefix(8)), holder: h)
        case (0x0C, 20): guard let t = Address(bytes: body) else { return nil }; self = .asset(t)
        case (0x0D, 28):
            guard let t = Address(bytes: body.prefix(20)) else { return nil }
            self = .multiplierChange(token: t, nonce: Self.readWord(body.suffix(8)))
        case (0x0E, 20): guard let h = Address(bytes: body) else { return nil }; self = .withholding(h)
        case (0x0F, 0): self = .schedule
        default: return nil
        }
    }

    /// The order of the encoded bytes.
    public static func < (a: CorporateKey, b: CorporateKey) -> Bool {
        switch (a, b) {
        case let (.dividend(x), .dividend(y)): return x < y
        case let (.holding(t1, h1), .holding(t2, h2)): return (t1, h1) < (t2, h2)
        case let (.entitlement(i1, h1), .entitlement(i2, h2)): return i1 != i2 ? i1 < i2 : h1 < h2
        case let (.asset(x), .asset(y)), let (.withholding(x), .withholding(y)): return x < y
        case let (.multiplierChange(t1, n1), .multiplierChange(t2, n2)): return t1 != t2 ? t1 < t2 : n1 < n2
        default: return a.tag < b.tag
        }
    }
}
