/// Why the session engine refused a command before it reached the book. A refused
/// command changes nothing.
public enum SessionRejectReason: UInt8, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The MOO/LOO or MOC/LOC entry and cancel cut-off has passed (or the auction's
    /// trading day has not begun).
    case auctionEntryClosed = 1
    /// The market has no such auction: a 24x7 market, or a day the exchange is closed.
    case noAuctionScheduled = 2

    public var description: String {
        switch self {
        case .auctionEntryClosed:
            return "the entry and cancel window for this auction is closed (MOO/LOO until 09:28 ET, MOC/LOC until 15:50 ET, 12:50 on early closes, from 04:00 ET)"
        case .noAuctionScheduled:
            return "this market has no opening or closing auction now (24x7 market, or the exchange is closed today)"
        }
    }
}
