import Matching

/// The market reads the RPC server needs, each a small value built inside the actor.
extension Chain {
    /// Every market (id order) as `MarketView`, with `depth` levels a side.
    public func marketViews(depth: Int) -> [MarketView] {
        state.markets.keys.sorted().compactMap { state.markets[$0].map { MarketView($0, depth: depth) } }
    }

    /// One market, or nil for an unknown id.
    public func marketView(_ id: UInt32, depth: Int) -> MarketView? {
        state.markets[id].map { MarketView($0, depth: depth) }
    }

    /// A live order with what the book says of it, or nil.
    public func exchangeOrder(market: UInt32, id: UInt64) -> (order: ExchangeOrder, resting: RestingOrder?, lotSize: UInt128)? {
        guard let order = state.exchangeOrders[ExchangeOrderKey(market: market, id: id)], let m = state.markets[market] else { return nil }
        return (order, m.session.book.order(id), m.definition.lotSize)
    }

    /// The live orders of `owner` in market then id order, at most `limit`.
    public func openOrders(of owner: Address, limit: Int) -> [(order: ExchangeOrder, resting: RestingOrder?, lotSize: UInt128)] {
        // A scan of the order records: fine for the order counts a node holds; an owner
        // index is the next step if that changes.
        let mine = state.exchangeOrders.values.filter { $0.owner == owner }.sorted { ($0.market, $0.id) < ($1.market, $1.id) }
        return mine.prefix(limit).map {
            let market = state.markets[$0.market]
            // Nil only for an auction-only order waiting for its auction (outside the book).
            return ($0, market?.session.book.order($0.id), market?.definition.lotSize ?? 1)
        }
    }
}

/// What the RPC server shows of a market: definition, phase, reference prices, bands
/// and the top of its book.
public struct MarketView: Sendable, Equatable {
    public struct Level: Sendable, Equatable {
        public var price: Int64
        public var lots: Int64
        public var orders: Int
    }

    public var definition: MarketDefinition
    public var phase: SessionPhase
    public var halt: Halt?
    public var officialClose: Int64?
    public var lastTradePrice: Int64?
    public var luldReference: Int64?
    public var collarReference: Int64?
    public var band: PriceBand?
    public var multiplierEpoch: UInt64
    public var restingOrders: Int
    public var bids: [Level]
    public var asks: [Level]

    init(_ m: Market, depth: Int) {
        let session = m.session
        definition = m.definition
        phase = session.phase
        halt = session.state.halt
        officialClose = session.state.officialClose
        lastTradePrice = session.book.lastTradePrice
        luldReference = session.state.luld?.referencePrice
        collarReference = session.state.collar?.reference
        band = session.book.priceBand
        multiplierEpoch = m.multiplierEpoch
        restingOrders = session.book.restingOrderCount
        bids = session.book.depth(on: .buy).prefix(depth).map { Level(price: $0.price, lots: $0.quantity, orders: $0.orders) }
        asks = session.book.depth(on: .sell).prefix(depth).map { Level(price: $0.price, lots: $0.quantity, orders: $0.orders) }
    }
}
