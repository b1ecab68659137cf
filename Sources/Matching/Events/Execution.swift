/// One fill between a resting (maker) order and an incoming (taker) order, or between
/// a buy and a sell order in an auction uncross.
public struct Execution: Sendable, Hashable {
    /// The resting order; in an uncross, the sell order.
    public var maker: UInt64
    /// The incoming order; in an uncross, the buy order.
    public var taker: UInt64
    /// The maker's owner.
    public var makerOwner: UInt64
    /// The taker's owner.
    public var takerOwner: UInt64
    /// The trade price in price units (the maker's price in continuous matching).
    public var price: Int64
    /// The quantity in lots.
    public var quantity: Int64
    /// The side of the incoming order, or `nil` in an uncross, where no side aggresses.
    public var takerSide: Side?

    /// Creates an execution record.
    public init(
        maker: UInt64, taker: UInt64, makerOwner: UInt64, takerOwner: UInt64, price: Int64,
        quantity: Int64, takerSide: Side?
    ) {
        self.maker = maker
        self.taker = taker
        self.makerOwner = makerOwner
        self.takerOwner = takerOwner
        self.price = price
        self.quantity = quantity
        self.takerSide = takerSide
    }
}
