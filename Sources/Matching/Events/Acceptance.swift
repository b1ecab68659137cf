/// An order the book accepted, as entered (after any post-only repricing).
public struct Acceptance: Sendable, Hashable {
    /// The order's identifier.
    public var id: UInt64
    /// The owning account.
    public var owner: UInt64
    /// Buy or sell.
    public var side: Side
    /// The limit price the order carries, or `nil` for a market order.
    public var price: Int64?
    /// The quantity in lots.
    public var quantity: Int64
    /// True when a post-only order was repriced one tick away to rest.
    public var repriced: Bool

    /// Creates an acceptance record.
    public init(id: UInt64, owner: UInt64, side: Side, price: Int64?, quantity: Int64, repriced: Bool) {
        self.id = id
        self.owner = owner
        self.side = side
        self.price = price
        self.quantity = quantity
        self.repriced = repriced
    }
}
