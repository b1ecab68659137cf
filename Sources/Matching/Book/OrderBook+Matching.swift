extension OrderBook {
    /// The best level of one side: its price key (`BookSide.priceKey`) and handle.
    @inline(__always)
    func best(_ side: Side) -> (key: Int64, level: Int32)? {
        let level = side == .buy ? bids.bestLevel : asks.bestLevel
        if level == OrderSlot.none { return nil }
        return (BookSide.priceKey(levels[Int(level)].price, side), level)
    }

    /// Removes the head order of a level and frees it; the level stays listed even if
    /// it empties (the caller unlists it).
    @inline(__always)
    mutating func popHead(_ level: Int32, _ handle: Int32) {
        let next = orders[Int(handle)].next
        if next != OrderSlot.none { orders[Int(next)].prev = OrderSlot.none }
        _ = levels[Int(level)].remove(prev: OrderSlot.none, next: next, quantity: orders[Int(handle)].remaining)
        release(handle)
    }

    /// Matches an incoming order against the other side while its best price key is at
    /// least `threshold` (the incoming limit as a price key of the other side;
    /// `Int64.min` for a market order). Returns the quantity left and why matching stopped.
    @inline(__always)
    mutating func sweep(
        id: UInt64, owner: UInt64, side: Side, threshold: Int64, quantity: Int64,
        selfTradePrevention: SelfTradePrevention, events: inout [BookEvent]
    ) -> (Int64, SweepStop) {
        let other = side.opposite
        var remaining = quantity
        var stop = SweepStop.exhausted
        var lastPrice: Int64 = 0
        levels: while remaining > 0, let (key, level) = best(other), key >= threshold {
            let price = levels[Int(level)].price
            if let band = priceBand, !band.contains(price) {
                events.append(.priceBandReached(orderID: id, side: side, price: price))
                stop = .band
                break
            }
            while remaining > 0 {
                let maker = levels[Int(level)].head
                if maker == OrderSlot.none { break }
                let slot = orders[Int(maker)]
                if slot.owner == owner {
                    if preventSelfTrade(
                        maker: maker, level: level, mode: selfTradePrevention, taker: id, remaining: &remaining,
                        events: &events)
                    {
                        stop = .selfTrade
                        break
                    }
                    continue
                }
                let fill = min(remaining, slot.displayed)
                events.append(
                    .executed(
                        Execution(
                            maker: slot.id, taker: id, makerOwner: slot.owner, takerOwner: owner, price: price,
                            quantity: fill, takerSide: side)))
                lastPrice = price
                remaining -= fill
                if fill == slot.remaining {
                    popHead(level, maker)
                } else if fill == slot.displayed {
                    refresh(maker, level: level, filled: fill, events: &events)
                } else {
                    orders[Int(maker)].take(fill)
                    levels[Int(level)].quantity -= fill
                }
            }
            if levels[Int(level)].count == 0 { levelEmptied(level, other) }
            if stop == .selfTrade { break levels }
        }
        if lastPrice != 0 { lastTradePrice = lastPrice }
        return (remaining, stop)
    }

    /// An iceberg's displayed slice was filled with reserve left: show a new slice at
    /// the back of the level, with a new priority stamp.
    @inline(__always)
    mutating func refresh(_ handle: Int32, level: Int32, filled: Int64, events: inout [BookEvent]) {
        let remaining = orders[Int(handle)].remaining - filled
        let displayed = min(orders[Int(handle)].peak, remaining)
        requeue(handle, remaining: remaining, displayed: displayed)
        events.append(
            .replaced(
                Replacement(
                    id: orders[Int(handle)].id, price: orders[Int(handle)].price, remaining: remaining,
                    displayed: displayed, keptPriority: false, cause: .icebergRefresh)))
    }

    /// Gives a linked order new quantities and moves it to the back of its own level
    /// with a new priority stamp, without touching the side's level array.
    @inline(__always)
    mutating func requeue(_ handle: Int32, remaining: Int64, displayed: Int64) {
        let level = orders[Int(handle)].level
        levels[Int(level)].quantity += remaining - orders[Int(handle)].remaining
        orders[Int(handle)].remaining = remaining
        orders[Int(handle)].displayed = displayed
        let next = orders[Int(handle)].next
        if next != OrderSlot.none {
            let prev = orders[Int(handle)].prev
            let tail = levels[Int(level)].tail
            if prev == OrderSlot.none {
                levels[Int(level)].head = next
            } else {
                orders[Int(prev)].next = next
            }
            orders[Int(next)].prev = prev
            orders[Int(tail)].next = handle
            orders[Int(handle)].prev = tail
            orders[Int(handle)].next = OrderSlot.none
            levels[Int(level)].tail = handle
        }
        orders[Int(handle)].sequence = nextSequence
        nextSequence &+= 1
    }

    /// Applies the incoming order's self-trade prevention against the level's head
    /// order, which has the same owner. Returns true when the incoming order must stop.
    mutating func preventSelfTrade(
        maker: Int32, level: Int32, mode: SelfTradePrevention, taker: UInt64, remaining: inout Int64,
        events: inout [BookEvent]
    ) -> Bool {
        let slot = orders[Int(maker)]
        switch mode {
        case .cancelNewest:
            return true
        case .cancelOldest, .cancelBoth:
            events.append(
                .cancelled(
                    Cancellation(id: slot.id, quantity: slot.remaining, remaining: 0, reason: .selfTradePrevention)))
            popHead(level, maker)
            return mode == .cancelBoth
        case .decrement:
            let cut = min(remaining, slot.remaining)
            remaining -= cut
            let left = slot.remaining - cut
            events.append(
                .cancelled(Cancellation(id: slot.id, quantity: cut, remaining: left, reason: .selfTradePrevention)))
            if left == 0 {
                popHead(level, maker)
            } else {
                orders[Int(maker)].remaining = left
                orders[Int(maker)].displayed = min(slot.displayed, left)
                levels[Int(level)].quantity -= cut
            }
            events.append(
                .cancelled(Cancellation(id: taker, quantity: cut, remaining: remaining, reason: .selfTradePrevention)))
            return false
        }
    }

    /// Whether an incoming fill-or-kill order can fill `quantity` completely: the
    /// crossing quantity on the other side, in priority order, before the first order
    /// of the same owner (a FOK order never fills partly and then meets self-trade
    /// prevention) and before the price band.
    func canFill(side: Side, threshold: Int64, owner: UInt64, quantity: Int64) -> Bool {
        let other = side.opposite
        var total: Int64 = 0
        var fills = false
        (other == .buy ? bids : asks).forEachLevel { handle in
            let level = levels[Int(handle)]
            guard BookSide.priceKey(level.price, other) >= threshold else { return false }
            if let band = priceBand, !band.contains(level.price) { return false }
            // Before an own order only displayed slices fill: an iceberg's refresh goes
            // behind the own order.
            var shown: Int64 = 0
            var order = level.head
            while order != OrderSlot.none {
                let slot = orders[Int(order)]
                if slot.owner == owner {
                    fills = total + shown >= quantity
                    return false
                }
                shown += slot.displayed
                order = slot.next
            }
            total += level.quantity
            fills = total >= quantity
            return !fills
        }
        return fills
    }
}
