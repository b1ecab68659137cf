/// The prices continuous matching may trade at (LULD bands, an overnight collar).
/// An incoming order that meets a resting price outside the band stops matching
/// there; see `OrderBook.priceBand`.
public struct PriceBand: Sendable, Hashable {
    /// The lowest price a trade may print at, in price units.
    public var lower: Int64
    /// The highest price a trade may print at, in price units.
    public var upper: Int64

    /// Creates a band; `lower` must not exceed `upper` (checked by the book).
    public init(lower: Int64, upper: Int64) {
        self.lower = lower
        self.upper = upper
    }

    /// True when `price` is inside the band, bounds included.
    @inline(__always)
    public func contains(_ price: Int64) -> Bool { price >= lower && price <= upper }
}
