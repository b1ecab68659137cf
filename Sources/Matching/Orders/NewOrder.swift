/// An order as submitted to `OrderBook.place(_:at:events:)`.
///
/// Prices are integer price units of the market (see `TickTable`), quantities are
/// integer lots (see `MarketRules.lotsPerShare`).
public struct NewOrder: Sendable, Hashable {
    /// The order's identifier, unique among the book's resting orders; never 0.
    public var id: UInt64
    /// The account that owns the order; self-trade prevention compares it.
    public var owner: UInt64
    /// Buy or sell.
    public var side: Side
    /// Market or limit (with its price).
    public var type: OrderType
    /// Total quantity in lots.
    public var quantity: Int64
    /// How long the order may rest.
    public var timeInForce: TimeInForce
    /// For an iceberg (reserve) order, the quantity shown at a time; `nil` shows all.
    public var displayQuantity: Int64?
    /// A post-only order never takes liquidity: if it would trade on entry it is
    /// rejected or repriced, as the market's `PostOnlyPolicy` says.
    public var postOnly: Bool
    /// What to do if the order would trade with its owner's own resting order.
    public var selfTradePrevention: SelfTradePrevention

    /// Creates an order; the defaults make a plain, fully displayed order.
    public init(
        id: UInt64, owner: UInt64, side: Side, type: OrderType, quantity: Int64,
        timeInForce: TimeInForce = .goodTillCancel, displayQuantity: Int64? = nil,
        postOnly: Bool = false, selfTradePrevention: SelfTradePrevention = .cancelNewest
    ) {
        self.id = id
        self.owner = owner
        self.side = side
        self.type = type
        self.quantity = quantity
        self.timeInForce = timeInForce
        self.displayQuantity = displayQuantity
        self.postOnly = postOnly
        self.selfTradePrevention = selfTradePrevention
    }

    /// A limit order.
    public static func limit(
        id: UInt64, owner: UInt64, side: Side, price: Int64, quantity: Int64,
        timeInForce: TimeInForce = .goodTillCancel, displayQuantity: Int64? = nil,
        postOnly: Bool = false, selfTradePrevention: SelfTradePrevention = .cancelNewest
    ) -> NewOrder {
        NewOrder(
            id: id, owner: owner, side: side, type: .limit(price: price), quantity: quantity,
            timeInForce: timeInForce, displayQuantity: displayQuantity, postOnly: postOnly,
            selfTradePrevention: selfTradePrevention)
    }

    /// A market order (immediate or cancel unless told otherwise).
    public static func market(
        id: UInt64, owner: UInt64, side: Side, quantity: Int64,
        timeInForce: TimeInForce = .immediateOrCancel,
        selfTradePrevention: SelfTradePrevention = .cancelNewest
    ) -> NewOrder {
        NewOrder(
            id: id, owner: owner, side: side, type: .market, quantity: quantity,
            timeInForce: timeInForce, selfTradePrevention: selfTradePrevention)
    }
}
