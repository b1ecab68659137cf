/// A holder's standing in a token's dividend accumulator (state key tag 0x0A, by
/// token and holder). Absent means: nothing settled yet and a zero correction.
///
/// With `P` the token's cumulative points per raw unit and `b` the holder's raw
/// balance, the holder's accrued, not yet settled points are `P × b - pointsDebt`.
/// `pointsDebt` is the negated signed correction of the accumulator method: every
/// balance change settles first, so after it the correction is `-(P × b)` and never
/// positive; it is stored as its magnitude.
public struct DividendHolding: Sendable, Equatable {
    /// The magnitude of the (non-positive) correction: `P × b` at the last change.
    public var pointsDebt: UInt256
    /// How many of the token's dividends are settled for this holder (their
    /// entitlements are in `DividendEntitlement` leaves, or were zero).
    public var settledCount: UInt64

    public init(pointsDebt: UInt256 = .zero, settledCount: UInt64 = 0) {
        self.pointsDebt = pointsDebt
        self.settledCount = settledCount
    }
}
