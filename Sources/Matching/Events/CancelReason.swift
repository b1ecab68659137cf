/// Why quantity left the book without trading.
public enum CancelReason: UInt8, Sendable, Hashable, CaseIterable {
    /// The owner cancelled or reduced the order.
    case requested = 0
    /// The unfilled rest of an immediate-or-cancel order.
    case immediateOrCancel = 1
    /// A fill-or-kill order that could not fill completely.
    case fillOrKill = 2
    /// The unfilled rest of a market order once the other side ran out.
    case noLiquidity = 3
    /// Self-trade prevention.
    case selfTradePrevention = 4
    /// A good-till-date order reached its expiry.
    case expired = 5
    /// A day order at the end of the session.
    case sessionEnded = 6
    /// A market order that did not execute in the auction it waited for.
    case auctionUnfilled = 7
    /// The order met a resting price outside the price band while the market was
    /// continuous and may not rest (IOC, FOK, market).
    case priceBand = 8
}
