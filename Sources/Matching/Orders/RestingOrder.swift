/// A read-only view of an order resting in the book, as `OrderBook.restingOrders(on:)`
/// lists them in price-time priority.
public struct RestingOrder: Sendable, Hashable {
    /// The order's identifier.
    public var id: UInt64
    /// The owning account.
    public var owner: UInt64
    /// Buy or sell.
    public var side: Side
    /// The limit price, or `nil` for a market order waiting for an auction.
    public var price: Int64?
    /// Open quantity in lots, hidden reserve included.
    public var remaining: Int64
    /// The part of `remaining` shown in the book (equal to it unless an iceberg).
    public var displayed: Int64
    /// The iceberg's display size, or `nil` for a fully displayed order.
    public var displayQuantity: Int64?
    /// How long the order may rest.
    public var timeInForce: TimeInForce
    /// Whether the order is post-only.
    public var postOnly: Bool
    /// The order's self-trade prevention mode.
    public var selfTradePrevention: SelfTradePrevention
    /// The book's priority stamp: lower came first. Changes when the order loses
    /// priority (amend, iceberg refresh).
    public var sequence: UInt64

    /// Creates a view; the book builds these, tests may too.
    public init(
        id: UInt64, owner: UInt64, side: Side, price: Int64?, remaining: Int64, displayed: Int64,
        displayQuantity: Int64?, timeInForce: TimeInForce, postOnly: Bool,
        selfTradePrevention: SelfTradePrevention, sequence: UInt64
    ) {
        self.id = id
        self.owner = owner
        self.side = side
        self.price = price
        self.remaining = remaining
        self.displayed = displayed
        self.displayQuantity = displayQuantity
        self.timeInForce = timeInForce
        self.postOnly = postOnly
        self.selfTradePrevention = selfTradePrevention
        self.sequence = sequence
    }
}
