/// What happened in a book, in the manner of ITCH messages. Commands append events to
/// a caller-owned buffer, in the order they happened; the same commands on the same
/// book always give the same events.
public enum BookEvent: Sendable, Hashable {
    /// An order was accepted (it may then trade, rest, or be cancelled).
    case accepted(Acceptance)
    /// A command was refused and changed nothing; `id` is the order it named.
    case rejected(id: UInt64, reason: RejectReason)
    /// A maker and a taker (or, in an uncross, a sell and a buy) traded.
    case executed(Execution)
    /// Quantity was cancelled.
    case cancelled(Cancellation)
    /// A resting order was amended or refreshed.
    case replaced(Replacement)
    /// An auction uncrossed: one print for all its executions.
    case trade(CrossTrade)
    /// The book's trading state changed.
    case tradingStateChanged(TradingState)
    /// Indicative auction information (emitted by the session engine).
    case auctionImbalance(AuctionImbalance)
    /// Continuous matching stopped at a resting price outside the price band; `price`
    /// is that resting price and `orderID` the incoming order that met it.
    case priceBandReached(orderID: UInt64, side: Side, price: Int64)
}
