/// Everything a `MarketSession` knows besides its book and configuration, as a
/// plain value: snapshot it with the book's bytes to restore the market exactly.
public struct SessionState: Sendable, Hashable, Codable {
    /// The last time processed, nanoseconds since the epoch; nil before the first command.
    public internal(set) var now: Int64?
    /// The current phase.
    public internal(set) var phase: SessionPhase = .closed
    /// The exchange trading day the market is in (nil on closed days).
    public internal(set) var tradingDay: TradingDay?
    /// MOO/LOO orders waiting for the opening auction, in arrival order.
    public internal(set) var onOpenOrders: [AuctionOnlyOrder] = []
    /// MOC/LOC orders waiting for the closing auction, in arrival order.
    public internal(set) var onCloseOrders: [AuctionOnlyOrder] = []
    /// The LULD control, if configured.
    public internal(set) var luld: LimitUpLimitDown?
    /// The overnight collar of a 24x7 market, if configured.
    public internal(set) var collar: OvernightCollar?
    /// The halt in force, if any.
    public internal(set) var halt: Halt?
    /// The last official close: the closing auction price, else the last trade at the close.
    public internal(set) var officialClose: Int64?
    /// Whether the exchange's regular hours (open to close) are in progress.
    public internal(set) var inRegularHours = false
    /// The next calendar boundary, computed once and kept until it passes.
    var nextBoundary: ScheduledBoundary?
    /// The last imbalance publication: the start of its period and its grid index.
    var lastPublication: Publication?

    struct ScheduledBoundary: Sendable, Hashable, Codable {
        var instant: Int64
        var boundary: SessionBoundary
        var day: TradingDay
    }

    struct Publication: Sendable, Hashable, Codable {
        var periodStart: Int64
        var index: Int64
    }
}
