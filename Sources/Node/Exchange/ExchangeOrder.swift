import Matching

/// The exchange's record of a live order, beside the book's: who owns it and what is
/// locked for it in escrow at `SystemAddress.exchange`. Stored as one state leaf per
/// order (`StateKey.exchangeOrder`), removed when the order leaves the book.
public struct ExchangeOrder: Sendable, Equatable {
    public var market: UInt32
    public var id: UInt64
    public var owner: Address
    /// The owner's reference, echoed in every log of the order.
    public var clientOrderId: UInt64
    public var side: Side
    /// The limit price in cash units per share.
    public var price: Int64
    /// Open lots, as the book has them.
    public var remaining: Int64
    /// Escrowed for the order: cash units for a bid (open notional at the limit plus the
    /// largest fee), raw share-token units for an ask.
    public var locked: UInt128

    public init(market: UInt32, id: UInt64, owner: Address, clientOrderId: UInt64, side: Side, price: Int64,
                remaining: Int64, locked: UInt128) {
        self.market = market
        self.id = id
        self.owner = owner
        self.clientOrderId = clientOrderId
        self.side = side
        self.price = price
        self.remaining = remaining
        self.locked = locked
    }
}

/// Where an order record lives: market, then order id.
public struct ExchangeOrderKey: Hashable, Comparable, Sendable {
    public var market: UInt32
    public var id: UInt64

    public init(market: UInt32, id: UInt64) {
        self.market = market
        self.id = id
    }

    public static func < (a: ExchangeOrderKey, b: ExchangeOrderKey) -> Bool { (a.market, a.id) < (b.market, b.id) }
}
