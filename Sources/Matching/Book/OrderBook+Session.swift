extension OrderBook {
    /// Changes whether the book matches, appending `tradingStateChanged` if it changed.
    ///
    /// Market orders only wait in the book for an auction: entering continuous trading
    /// cancels those still resting (`auctionUnfilled`), buys then sells, in time order.
    /// Uncross first (`uncross(at:kind:events:)`) so the book is not crossed when
    /// continuous matching resumes.
    public mutating func setTradingState(_ newState: TradingState, events: inout [BookEvent]) {
        guard newState != state else { return }
        state = newState
        events.append(.tradingStateChanged(newState))
        guard newState == .continuous else { return }
        for level in [Self.buyMarketLevel, Self.sellMarketLevel] {
            while levels[Int(level)].head != OrderSlot.none {
                let handle = levels[Int(level)].head
                let slot = orders[Int(handle)]
                removeOrder(handle)
                events.append(
                    .cancelled(
                        Cancellation(id: slot.id, quantity: slot.remaining, remaining: 0, reason: .auctionUnfilled)))
            }
        }
    }

    /// Executes a call auction at one `price`: buy orders at or above it and sell orders
    /// at or below it trade at `price`, each side taken in priority order (market orders
    /// first, then limits by price, then time), full size including iceberg reserve,
    /// until one side has nothing left that crosses. Self-trade prevention does not apply
    /// in an uncross. Appends an `executed` per pairing (maker = the sell order, taker =
    /// the buy order, no taker side) and one `trade` print, sets `lastTradePrice`, and
    /// returns the quantity crossed. Choosing the price is the caller's (the session
    /// engine's) job; a non-positive price crosses nothing.
    @discardableResult
    public mutating func uncross(at price: Int64, kind: AuctionKind, events: inout [BookEvent]) -> Int64 {
        guard price > 0 else { return 0 }
        var crossed: Int64 = 0
        while let buy = auctionHead(.buy, price: price), let sell = auctionHead(.sell, price: price) {
            let buySlot = orders[Int(buy)]
            let sellSlot = orders[Int(sell)]
            let fill = min(buySlot.remaining, sellSlot.remaining)
            events.append(
                .executed(
                    Execution(
                        maker: sellSlot.id, taker: buySlot.id, makerOwner: sellSlot.owner,
                        takerOwner: buySlot.owner, price: price, quantity: fill, takerSide: nil)))
            crossed += fill
            for handle in [buy, sell] {
                if orders[Int(handle)].remaining == fill {
                    removeOrder(handle)
                } else {
                    shrink(handle, to: orders[Int(handle)].remaining - fill)
                }
            }
        }
        if crossed > 0 {
            lastTradePrice = price
            events.append(.trade(CrossTrade(price: price, quantity: crossed, kind: kind)))
        }
        return crossed
    }

    /// The first order of `side` that crosses `price` in an auction, if any.
    func auctionHead(_ side: Side, price: Int64) -> Int32? {
        let market = levels[Int(side == .buy ? Self.buyMarketLevel : Self.sellMarketLevel)].head
        if market != OrderSlot.none { return market }
        guard let (key, level) = best(side), key >= BookSide.priceKey(price, side) else { return nil }
        return levels[Int(level)].head
    }

    /// Cancels every resting DAY order (`sessionEnded`), in the order they entered
    /// the book. The session engine calls it when the session ends.
    public mutating func expireDayOrders(events: inout [BookEvent]) {
        expire(reason: .sessionEnded, events: &events) { $0.lifetime == .day }
    }

    /// Cancels every resting good-till-date order whose expiry is at or before `time`
    /// (`expired`), in the order they entered the book. Call it whenever time advances.
    public mutating func expireOrders(asOf time: Int64, events: inout [BookEvent]) {
        guard goodTillDateCount > 0, time >= earliestExpiry else { return }
        expire(reason: .expired, events: &events) { $0.lifetime == .goodTillDate && $0.expiresAt <= time }
    }

    private mutating func expire(
        reason: CancelReason, events: inout [BookEvent], _ matches: (OrderSlot) -> Bool
    ) {
        var expiring: [(sequence: UInt64, handle: Int32)] = []
        for side in [Side.buy, Side.sell] {
            forEachLevel(on: side) { level in
                var handle = levels[Int(level)].head
                while handle != OrderSlot.none {
                    let slot = orders[Int(handle)]
                    if matches(slot) { expiring.append((slot.sequence, handle)) }
                    handle = slot.next
                }
            }
        }
        // Sequence stamps are unique, so this order is the same after a snapshot restore.
        expiring.sort { $0.sequence < $1.sequence }
        for (_, handle) in expiring {
            let slot = orders[Int(handle)]
            removeOrder(handle)
            events.append(.cancelled(Cancellation(id: slot.id, quantity: slot.remaining, remaining: 0, reason: reason)))
        }
    }
}
