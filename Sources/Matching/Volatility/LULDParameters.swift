/// Settings of the LULD-style volatility control of one market.
public struct LULDParameters: Sendable, Hashable, Codable {
    /// The security's tier.
    public let tier: LULDTier
    /// Price units in one US dollar (10 000 with the Reg NMS tick table's $0.0001 unit);
    /// the plan's dollar thresholds ($0.75, $3.00, $0.15) are converted with it.
    public let priceUnitsPerDollar: Int64
    /// Band edges are rounded to the nearest multiple of this many price units
    /// (one cent by default, as the plan rounds bands to the nearest penny).
    public let bandRounding: Int64
    /// The reference price is the mean trade price over this window (5 minutes).
    public let referenceWindowNanos: Int64
    /// A new mean replaces the reference price only if it differs from it by at
    /// least this many basis points (100 = 1%, as in the plan).
    public let referenceUpdateThresholdBasisPoints: Int64
    /// How long a limit state may last before a trading pause (15 s).
    public let limitStateNanos: Int64
    /// How long a trading pause lasts before the reopening auction (5 minutes).
    public let pauseNanos: Int64
    /// How long after the open bands are doubled (15 minutes: 09:30–09:45).
    public let openingDoubleNanos: Int64
    /// How long before the close bands are doubled where the plan says (25 minutes: 15:35–16:00).
    public let closingDoubleNanos: Int64

    /// Validated settings; the defaults are the plan's.
    public init(
        tier: LULDTier, priceUnitsPerDollar: Int64 = 10_000, bandRounding: Int64? = nil,
        referenceWindowNanos: Int64 = 300_000_000_000, referenceUpdateThresholdBasisPoints: Int64 = 100,
        limitStateNanos: Int64 = 15_000_000_000, pauseNanos: Int64 = 300_000_000_000,
        openingDoubleNanos: Int64 = 900_000_000_000, closingDoubleNanos: Int64 = 1_500_000_000_000
    ) throws(VolatilityError) {
        let rounding = bandRounding ?? max(1, priceUnitsPerDollar / 100)
        let positive: [(String, Int64)] = [
            ("priceUnitsPerDollar", priceUnitsPerDollar), ("bandRounding", rounding),
            ("referenceWindowNanos", referenceWindowNanos), ("limitStateNanos", limitStateNanos),
            ("pauseNanos", pauseNanos), ("openingDoubleNanos", openingDoubleNanos),
            ("closingDoubleNanos", closingDoubleNanos),
        ]
        for (field, value) in positive where value <= 0 { throw .nonPositive(field: field, value: value) }
        guard referenceUpdateThresholdBasisPoints >= 0 else {
            throw .nonPositive(field: "referenceUpdateThresholdBasisPoints", value: referenceUpdateThresholdBasisPoints)
        }
        guard priceUnitsPerDollar <= Int64.max / 10_000 else { throw .priceTooLarge(priceUnitsPerDollar) }
        self.tier = tier
        self.priceUnitsPerDollar = priceUnitsPerDollar
        self.bandRounding = rounding
        self.referenceWindowNanos = referenceWindowNanos
        self.referenceUpdateThresholdBasisPoints = referenceUpdateThresholdBasisPoints
        self.limitStateNanos = limitStateNanos
        self.pauseNanos = pauseNanos
        self.openingDoubleNanos = openingDoubleNanos
        self.closingDoubleNanos = closingDoubleNanos
    }
}
