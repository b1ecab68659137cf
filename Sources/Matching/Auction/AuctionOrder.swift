/// One order's interest in a call auction: a side, a limit (or none for a market
/// order), an open quantity and a time-priority stamp.
public struct AuctionOrder: Sendable, Hashable, Codable {
    /// The order's identifier.
    public var id: UInt64
    /// Buy or sell.
    public var side: Side
    /// The limit price in price units, or `nil` for a market order.
    public var price: Int64?
    /// Open quantity in lots (hidden reserve included).
    public var quantity: Int64
    /// Time priority: lower came first.
    public var sequence: UInt64

    public init(id: UInt64, side: Side, price: Int64?, quantity: Int64, sequence: UInt64) {
        self.id = id
        self.side = side
        self.price = price
        self.quantity = quantity
        self.sequence = sequence
    }
}
