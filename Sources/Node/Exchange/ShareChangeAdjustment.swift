import Matching

/// Resting orders across a share-count change (split, reverse split, stock dividend).
///
/// Market policy (docs/markets.md): when the multiplier of an asset changes by
/// k = `numerator`/`denominator` (2/1 for a 2-for-1 split, 1/10 for a 1-for-10 reverse
/// split), every resting order of its markets is re-entered with price ÷ k rounded to
/// the tick in the owner's favour (bids down, asks up, so no order becomes more
/// aggressive and none crosses) and quantity × k rounded down to the lot; the part
/// lost to rounding is cancelled and its escrow released, and an order left below the
/// minimum is cancelled whole. Orders are re-entered in their old priority order with
/// their ids, so relative priority is kept; each shows as `OrderCancelled` then
/// `OrderAccepted`. The markets' reference prices (the LULD reference and window, the
/// 24x7 collar's centre, the official close) are divided by k too, before the orders
/// are re-entered. Auction-only orders waiting for their auction (limit- and
/// market-on-open/close) are adjusted the same way and keep their place in the queue;
/// one whose auction's entry window has closed keeps its terms. The market's multiplier
/// epoch advances: orders priced for the old epoch are refused. Call it after the
/// asset's `TokenState.multiplier` has changed, so that asks escrow against the new
/// multiplier.
extension WorldState {
    public mutating func adjustOrdersForShareChange(
        asset: Address, numerator: UInt64, denominator: UInt64, block: BlockContext
    ) throws(Revert) -> [ExchangeEvent] {
        guard numerator > 0, denominator > 0 else { throw Revert("a share-count ratio needs a positive numerator and denominator") }
        let now = try ExchangeContract.nanos(block)
        var out: [ExchangeEvent] = []
        for id in markets.keys.sorted() where markets[id]?.definition.base == asset {
            let events = updateMarket(id) { (market) -> [SessionEvent] in
                market.multiplierEpoch += 1
                let definition = market.definition
                let book = market.session.book
                let resting = (book.restingOrders(on: .buy) + book.restingOrders(on: .sell)).sorted { $0.sequence < $1.sequence }
                var events: [SessionEvent] = []
                for order in resting { try? market.session.cancel(order.id, at: now, events: &events) }
                // Reference prices (LULD, collar, official close) move with the orders, so
                // the re-entered orders meet bands at the new prices.
                if let change = ShareCountChange(numerator: numerator, denominator: denominator) {
                    try? market.session.applyShareCountChange(change, at: now, events: &events)
                    market.appliedReferenceClose = market.appliedReferenceClose.flatMap(change.price)
                }
                for order in resting {
                    guard let price = order.price,
                          let adjusted = Self.adjusted(order, price: price, numerator: numerator, denominator: denominator, definition)
                    else { continue }
                    try? market.session.place(adjusted, at: now, events: &events)
                }
                let waiting = market.session.waitingOrders
                for order in waiting {
                    var cancelled: [SessionEvent] = []
                    try? market.session.cancel(order.id, at: now, events: &cancelled)
                    // After its entry cut-off a waiting order can be neither cancelled nor
                    // re-entered: it keeps its terms, and the refusal is not an event of it.
                    guard cancelled.contains(where: { if case .book(.cancelled) = $0 { true } else { false } }) else { continue }
                    events += cancelled
                    guard let adjusted = Self.adjusted(order, numerator: numerator, denominator: denominator, definition) else { continue }
                    try? market.session.place(adjusted, at: now, events: &events)
                }
                return events
            } ?? []
            out.append(contentsOf: settle(events, market: id))
        }
        return out
    }

    /// The order re-entered after the change, or nil when too little is left.
    private static func adjusted(
        _ order: RestingOrder, price: Int64, numerator: UInt64, denominator: UInt64, _ d: MarketDefinition
    ) -> NewOrder? {
        let k = (Int128(numerator), Int128(denominator))
        guard let q = lots(order.remaining, k, d), let p = self.price(price, side: order.side, k, d) else { return nil }
        var display = order.displayQuantity.map { Int64(clamping: Int128($0) * k.0 / k.1) }
        if let shown = display, shown <= 0 || shown >= q { display = nil }
        return NewOrder.limit(id: order.id, owner: order.owner, side: order.side, price: p, quantity: q, timeInForce: order.timeInForce,
                              displayQuantity: display, postOnly: order.postOnly, selfTradePrevention: order.selfTradePrevention)
    }

    /// A waiting auction-only order after the change (a market-on-open/close order keeps
    /// no price), or nil when too little is left.
    private static func adjusted(_ order: AuctionOnlyOrder, numerator: UInt64, denominator: UInt64, _ d: MarketDefinition) -> AuctionOnlyOrder? {
        let k = (Int128(numerator), Int128(denominator))
        guard let q = lots(order.quantity, k, d) else { return nil }
        var adjusted = order
        adjusted.quantity = q
        if let limit = order.limitPrice {
            guard let p = price(limit, side: order.side, k, d) else { return nil }
            adjusted.limitPrice = p
        }
        return adjusted
    }

    /// Lots × k, rounded down; nil outside the market's minimum and maximum.
    private static func lots(_ lots: Int64, _ k: (Int128, Int128), _ d: MarketDefinition) -> Int64? {
        let scaled = Int128(lots) * k.0 / k.1
        guard scaled >= Int128(d.minLots), scaled <= Int128(d.maxLots) else { return nil }
        return Int64(exactly: scaled)
    }

    /// Price ÷ k, rounded to the tick in the owner's favour (bids down, asks up); nil if
    /// nothing positive is left.
    private static func price(_ price: Int64, side: Side, _ k: (Int128, Int128), _ d: MarketDefinition) -> Int64? {
        var scaled = Int128(price) * k.1
        if side == .sell { scaled += k.0 - 1 }
        var newPrice = scaled / k.0
        let tick = Int128(d.tick)
        newPrice = side == .buy ? newPrice / tick * tick : (newPrice + tick - 1) / tick * tick
        guard newPrice > 0 else { return nil }
        return Int64(exactly: newPrice)
    }
}
