/// An order that trades only in the opening or the closing auction: market-on-open
/// (MOO), limit-on-open (LOO), market-on-close (MOC) or limit-on-close (LOC).
///
/// It waits in the session engine until its auction, joins the book when the
/// auction starts, and whatever it has left after the uncross is cancelled
/// (`CancelReason.auctionUnfilled`).
public struct AuctionOnlyOrder: Sendable, Hashable, Codable {
    /// Which auction the order is for.
    public enum Timing: UInt8, Sendable, Hashable, Codable {
        /// The opening auction (MOO, LOO).
        case onOpen = 0
        /// The closing auction (MOC, LOC).
        case onClose = 1
    }

    /// The order's identifier; unique among resting and waiting orders, never 0.
    public var id: UInt64
    /// The owning account.
    public var owner: UInt64
    /// Buy or sell.
    public var side: Side
    /// The limit price in price units (LOO, LOC), or `nil` (MOO, MOC).
    public var limitPrice: Int64?
    /// Quantity in lots.
    public var quantity: Int64
    /// Opening or closing auction.
    public var timing: Timing

    public init(id: UInt64, owner: UInt64, side: Side, limitPrice: Int64?, quantity: Int64, timing: Timing) {
        self.id = id
        self.owner = owner
        self.side = side
        self.limitPrice = limitPrice
        self.quantity = quantity
        self.timing = timing
    }

    /// The order as it joins the book at its auction: a DAY order, self-trade
    /// prevention irrelevant (an uncross does not apply it).
    var bookOrder: NewOrder {
        NewOrder(
            id: id, owner: owner, side: side, type: limitPrice.map { .limit(price: $0) } ?? .market,
            quantity: quantity, timeInForce: .day)
    }
}
