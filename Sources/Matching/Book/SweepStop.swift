/// Why an incoming order stopped matching with quantity left.
enum SweepStop: Sendable {
    /// The other side ran out, or its best price no longer crosses the limit.
    case exhausted
    /// Self-trade prevention cancels the incoming order's remainder.
    case selfTrade
    /// The next resting price lies outside the price band.
    case band
}
