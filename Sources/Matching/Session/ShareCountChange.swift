/// A change in how many shares a unit of the asset is (a split, a reverse split, a
/// stock dividend): every share becomes `numerator / denominator` shares, so every price
/// per share is divided by that factor.
public struct ShareCountChange: Sendable, Hashable {
    /// Shares after, per `denominator` shares before (2 / 1 for a 2-for-1 split).
    public let numerator: UInt64
    public let denominator: UInt64

    /// A change of `numerator / denominator`; nil if either is zero.
    public init?(numerator: UInt64, denominator: UInt64) {
        guard numerator > 0, denominator > 0 else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// A reference price after the change: `⌊price × denominator / numerator⌋`, or nil
    /// when nothing positive is left or the result exceeds 64 bits. Reference prices
    /// (closes, means, collar centres) need not sit on the tick, so no rounding to it.
    public func price(_ price: Int64) -> Int64? {
        let scaled = Int128(price) * Int128(denominator) / Int128(numerator)
        guard scaled > 0 else { return nil }
        return Int64(exactly: scaled)
    }
}
