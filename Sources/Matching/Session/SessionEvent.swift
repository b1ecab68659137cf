/// What happened in a market, in order: everything its book said, plus the session
/// engine's own notices.
public enum SessionEvent: Sendable, Hashable {
    /// An event of the order book (orders, fills, prints, trading state, imbalance).
    case book(BookEvent)
    /// The market entered a new phase.
    case phaseChanged(SessionPhase)
    /// An auction-only order was accepted and waits for its auction.
    case auctionOrderQueued(AuctionOnlyOrder)
    /// The session engine refused a command for the order `id`.
    case rejected(id: UInt64, reason: SessionRejectReason)
    /// The price band the book enforces changed (LULD bands, the overnight collar, or none).
    case priceBandChanged(PriceBand?)
    /// A LULD limit state began (`.buy`: limit up, `.sell`: limit down).
    case limitStateEntered(LimitState)
    /// The LULD limit state ended without a pause.
    case limitStateEnded
    /// Matching halted until a reopening auction.
    case halted(Halt)
}
