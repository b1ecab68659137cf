/// The single print of an auction uncross: all of its executions at one price.
public struct CrossTrade: Sendable, Hashable {
    /// The uncross price in price units.
    public var price: Int64
    /// The total quantity crossed, in lots.
    public var quantity: Int64
    /// Which auction.
    public var kind: AuctionKind

    /// Creates a cross trade record.
    public init(price: Int64, quantity: Int64, kind: AuctionKind) {
        self.price = price
        self.quantity = quantity
        self.kind = kind
    }
}
