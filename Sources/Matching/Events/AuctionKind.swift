/// Which call auction an uncross or imbalance belongs to.
public enum AuctionKind: UInt8, Sendable, Hashable, CaseIterable {
    /// The opening auction.
    case opening = 0
    /// The closing auction.
    case closing = 1
    /// A reopening after a halt or a volatility pause.
    case reopening = 2
}
