extension OrderBook {
    /// Cancels a resting order: `cancelled(requested)` with its whole open quantity, or
    /// `rejected(unknownOrder)`.
    public mutating func cancel(_ id: UInt64, events: inout [BookEvent]) {
        let handle = index.find(id)
        guard handle >= 0 else {
            events.append(.rejected(id: id, reason: .unknownOrder))
            return
        }
        let quantity = orders[Int(handle)].remaining
        removeOrder(handle)
        events.append(.cancelled(Cancellation(id: id, quantity: quantity, remaining: 0, reason: .requested)))
    }

    /// Takes `quantity` lots off a resting order, keeping its priority (a partial
    /// cancel). Taking off all it has, or more, cancels it.
    public mutating func reduce(_ id: UInt64, by quantity: Int64, events: inout [BookEvent]) {
        let handle = index.find(id)
        guard handle >= 0 else {
            events.append(.rejected(id: id, reason: .unknownOrder))
            return
        }
        guard quantity > 0 else {
            events.append(.rejected(id: id, reason: .invalidQuantity))
            return
        }
        guard quantity % rules.quantityIncrement == 0 else {
            events.append(.rejected(id: id, reason: .quantityNotOnIncrement))
            return
        }
        let open = orders[Int(handle)].remaining
        if quantity >= open {
            removeOrder(handle)
            events.append(.cancelled(Cancellation(id: id, quantity: open, remaining: 0, reason: .requested)))
            return
        }
        shrink(handle, to: open - quantity)
        events.append(
            .cancelled(Cancellation(id: id, quantity: quantity, remaining: open - quantity, reason: .requested)))
    }

    /// Amends a resting order's limit price and/or open quantity (reserve included);
    /// `nil` keeps the current value.
    ///
    /// Priority: only a pure reduction (same price, smaller quantity) keeps the order's
    /// place. Any other amend, including one that changes nothing, takes the order out,
    /// lets it trade at its new price like an incoming order if the book is continuous
    /// (under its own self-trade prevention; a post-only order is checked as on entry),
    /// and puts what is left at the back of its new level. Appends `replaced`, then any
    /// fills; or `rejected` with the order unchanged.
    public mutating func amend(
        _ id: UInt64, price newPrice: Int64? = nil, quantity newQuantity: Int64? = nil,
        events: inout [BookEvent]
    ) {
        let handle = index.find(id)
        guard handle >= 0 else {
            events.append(.rejected(id: id, reason: .unknownOrder))
            return
        }
        let slot = orders[Int(handle)]
        let isMarket = slot.level < 2
        if isMarket && newPrice != nil {
            events.append(.rejected(id: id, reason: .cannotAmendMarketOrder))
            return
        }
        var price = newPrice ?? slot.price
        let quantity = newQuantity ?? slot.remaining
        if let reason = rules.check(quantity: quantity) ?? (isMarket ? nil : rules.check(price: price, quantity: quantity)) {
            events.append(.rejected(id: id, reason: reason))
            return
        }
        if price == slot.price && quantity < slot.remaining {
            shrink(handle, to: quantity)
            events.append(
                .replaced(
                    Replacement(
                        id: id, price: price, remaining: quantity, displayed: orders[Int(handle)].displayed,
                        keptPriority: true, cause: .amend)))
            return
        }
        let matching = state == .continuous && !isMarket
        if matching && slot.postOnly {
            // The order's own side does not affect the opposite best, so it can stay put.
            switch postOnlyPrice(side: slot.side, price: price, quantity: quantity) {
            case .success(let repriced): price = repriced
            case .failure(let reason):
                events.append(.rejected(id: id, reason: reason))
                return
            }
        }
        let displayed = slot.peak == 0 ? quantity : min(slot.peak, quantity)
        let replaced = BookEvent.replaced(
            Replacement(id: id, price: price, remaining: quantity, displayed: displayed, keptPriority: false, cause: .amend))
        if price == slot.price && !crossesOpposite(side: slot.side, price: price) {
            // Same price and nothing to trade with: straight to the back of its level.
            requeue(handle, remaining: quantity, displayed: displayed)
            events.append(replaced)
            return
        }
        unlink(handle)
        events.append(replaced)
        var remaining = quantity
        var stop = SweepStop.exhausted
        if matching && !slot.postOnly && crossesOpposite(side: slot.side, price: price) {
            (remaining, stop) = sweep(
                id: id, owner: slot.owner, side: slot.side,
                threshold: BookSide.priceKey(price, slot.side.opposite), quantity: quantity,
                selfTradePrevention: slot.selfTradePrevention, events: &events)
        }
        if remaining == 0 {
            release(handle)
            return
        }
        if stop == .selfTrade {
            events.append(
                .cancelled(Cancellation(id: id, quantity: remaining, remaining: 0, reason: .selfTradePrevention)))
            release(handle)
            return
        }
        orders[Int(handle)].reprice(
            price, remaining: remaining, displayed: slot.peak == 0 ? remaining : min(slot.peak, remaining))
        link(handle)
    }

    /// Lowers a resting order's open quantity in place, keeping its priority.
    @inline(__always)
    mutating func shrink(_ handle: Int32, to quantity: Int64) {
        let cut = orders[Int(handle)].remaining - quantity
        orders[Int(handle)].remaining = quantity
        orders[Int(handle)].displayed = min(orders[Int(handle)].displayed, quantity)
        levels[Int(orders[Int(handle)].level)].quantity -= cut
    }

    /// Whether a `side` order at `price` would meet the best opposite price.
    @inline(__always)
    func crossesOpposite(side: Side, price: Int64) -> Bool {
        if side == .buy {
            guard let ask = bestAsk else { return false }
            return price >= ask
        }
        guard let bid = bestBid else { return false }
        return price <= bid
    }
}
