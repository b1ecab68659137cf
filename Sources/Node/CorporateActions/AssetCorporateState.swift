/// A share token's corporate-action state (state key tag 0x0C, by token): its
/// dividend accumulator and its multiplier epoch.
public struct AssetCorporateState: Sendable, Equatable {
    /// Cumulative points per raw unit over the recorded dividends (USD units × 10^36).
    public var pointsPerRawUnit: UInt128
    /// The token's dividend ids in declaration (= record) order.
    public var dividendIds: [UInt64]
    /// How many of `dividendIds` are recorded (a prefix).
    public var recordedCount: UInt64
    /// The multiplier epoch: how many multiplier changes took effect. A transfer
    /// signed under another epoch is refused (`transferWithEpoch`).
    public var multiplierNonce: UInt64
    /// The scheduled, not yet effective multiplier change, if any.
    public var scheduledMultiplier: MultiplierChange?

    public init(pointsPerRawUnit: UInt128 = 0, dividendIds: [UInt64] = [], recordedCount: UInt64 = 0,
                multiplierNonce: UInt64 = 0, scheduledMultiplier: MultiplierChange? = nil) {
        self.pointsPerRawUnit = pointsPerRawUnit
        self.dividendIds = dividendIds
        self.recordedCount = recordedCount
        self.multiplierNonce = multiplierNonce
        self.scheduledMultiplier = scheduledMultiplier
    }

    /// Declared dividends not yet recorded.
    public var pendingDividendIds: ArraySlice<UInt64> { dividendIds.dropFirst(Int(recordedCount)) }
}
