/// The trading phase of a market.
public enum SessionPhase: UInt8, Sendable, Hashable, Codable, CustomStringConvertible {
    /// No trading; orders other than cancels are refused.
    case closed = 0
    /// Extended-hours continuous trading before the open (04:00–09:30 ET on XNYS).
    case preMarket = 1
    /// The opening auction is uncrossing (an instant, 09:30 ET on XNYS).
    case openingAuction = 2
    /// Regular continuous trading.
    case continuous = 3
    /// The closing auction is uncrossing (an instant, 16:00 or 13:00 ET on XNYS).
    case closingAuction = 4
    /// Extended-hours continuous trading after the close (until 20:00, or 17:00 on early closes).
    case afterHours = 5
    /// Matching is halted (a LULD trading pause or a collar halt); orders are
    /// collected for the reopening auction.
    case halted = 6
    /// The reopening auction that ends a halt is uncrossing.
    case reopeningAuction = 7

    public var description: String {
        switch self {
        case .closed: return "closed"
        case .preMarket: return "pre-market"
        case .openingAuction: return "opening auction"
        case .continuous: return "continuous"
        case .closingAuction: return "closing auction"
        case .afterHours: return "after-hours"
        case .halted: return "halted"
        case .reopeningAuction: return "reopening auction"
        }
    }
}
