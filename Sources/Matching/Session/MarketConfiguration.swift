/// How a market's session engine behaves.
public struct MarketConfiguration: Sendable, Hashable {
    /// Calendar-driven or 24x7.
    public let schedule: MarketSchedule
    /// LULD-style bands during regular hours, or nil for none.
    public let luld: LULDParameters?
    /// The overnight collar of a 24x7 market (ignored for calendar markets), or nil for none.
    public let collar: OvernightCollar?
    /// Auction imbalance publications are made at most once per interval of this
    /// many nanoseconds, on a grid counted from the start of the publication period.
    public let imbalanceIntervalNanos: Int64

    /// A validated configuration.
    public init(
        schedule: MarketSchedule, luld: LULDParameters?, collar: OvernightCollar? = nil,
        imbalanceIntervalNanos: Int64 = 1_000_000_000
    ) throws(VolatilityError) {
        guard imbalanceIntervalNanos > 0 else {
            throw .nonPositive(field: "imbalanceIntervalNanos", value: imbalanceIntervalNanos)
        }
        self.schedule = schedule
        self.luld = luld
        self.collar = collar
        self.imbalanceIntervalNanos = imbalanceIntervalNanos
    }
}
