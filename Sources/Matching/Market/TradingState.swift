/// Whether and how the book matches.
public enum TradingState: UInt8, Sendable, Hashable, CaseIterable {
    /// Incoming orders match immediately against the book.
    case continuous = 0
    /// A call auction is collecting orders: orders (market orders too) are accepted
    /// and rest without matching until the session engine uncrosses the book.
    case auction = 1
    /// Trading is halted: orders are accepted and rest, nothing matches.
    case halted = 2
    /// The market is closed: new orders are rejected; cancels still work.
    case closed = 3
}
