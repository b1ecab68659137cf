/// The price collar of a 24x7 market outside exchange hours: trades may print
/// only within `basisPoints` of the last official close (5% by default). An order
/// that meets a price beyond it halts the market, which then reopens by auction;
/// the reopening price becomes the collar's new reference.
public struct OvernightCollar: Sendable, Hashable, Codable {
    /// Half-width of the collar in basis points of the reference (500 = 5%).
    public let basisPoints: Int64
    /// Edges are rounded to the nearest multiple of this many price units.
    public let rounding: Int64
    /// How long a collar halt lasts before the reopening auction, in nanoseconds.
    public let haltNanos: Int64
    /// The price the collar is centred on: the last official close, or the last reopening price.
    public private(set) var reference: Int64?

    /// A validated collar.
    public init(
        basisPoints: Int64 = 500, rounding: Int64 = 100, haltNanos: Int64 = 300_000_000_000,
        reference: Int64? = nil
    ) throws(VolatilityError) {
        guard basisPoints > 0 else { throw .nonPositive(field: "collar basisPoints", value: basisPoints) }
        guard rounding > 0 else { throw .nonPositive(field: "collar rounding", value: rounding) }
        guard haltNanos > 0 else { throw .nonPositive(field: "collar haltNanos", value: haltNanos) }
        if let reference, reference <= 0 { throw .nonPositive(field: "collar reference", value: reference) }
        self.basisPoints = basisPoints
        self.rounding = rounding
        self.haltNanos = haltNanos
        self.reference = reference
    }

    /// Re-centres the collar (an official close, or a reopening auction price).
    public mutating func recentre(on price: Int64) throws(VolatilityError) {
        guard price > 0 else { throw .nonPositive(field: "collar reference", value: price) }
        reference = price
    }

    /// Restates the reference after a share-count change (none is left if it has no
    /// new price).
    public mutating func rescale(_ change: ShareCountChange) {
        reference = reference.flatMap(change.price)
    }

    /// The collar's band, or nil without a reference price.
    public func band() throws(VolatilityError) -> PriceBand? {
        guard let reference else { return nil }
        let (offset, overflow) = reference.multipliedReportingOverflow(by: basisPoints)
        guard !overflow else { throw .priceTooLarge(reference) }
        let (lower, upper) = try BandEdges.edges(reference: reference, offsetNumerator: offset, rounding: rounding)
        return PriceBand(lower: lower, upper: upper)
    }
}
