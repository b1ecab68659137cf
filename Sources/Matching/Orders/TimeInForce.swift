/// How long an order stays in the book.
public enum TimeInForce: Sendable, Hashable {
    /// Good till cancelled.
    case goodTillCancel
    /// Good for the trading day: expired by `OrderBook.expireDayOrders`.
    case day
    /// Good till the given time (nanoseconds since the Unix epoch, exclusive):
    /// expired by `OrderBook.expireOrders(asOf:)` once that time is reached.
    case goodTillDate(expiresAt: Int64)
    /// Immediate or cancel: trades what it can on entry, the rest is cancelled.
    case immediateOrCancel
    /// Fill or kill: trades its whole quantity on entry or nothing at all.
    case fillOrKill

    /// True for IOC and FOK, which never rest.
    public var isImmediate: Bool {
        switch self {
        case .immediateOrCancel, .fillOrKill: return true
        case .goodTillCancel, .day, .goodTillDate: return false
        }
    }
}
