extension OrderBook {
    /// Places a new order at `time` (nanoseconds since the Unix epoch).
    ///
    /// Appends `rejected` if the order breaks a rule (and changes nothing); otherwise
    /// `accepted`, then in continuous trading any `executed` fills (and iceberg
    /// `replaced` refreshes, self-trade `cancelled` events), then a `cancelled` for a
    /// remainder that may not rest. A remainder that may rest joins the back of its level.
    public mutating func place(_ order: NewOrder, at time: Int64, events: inout [BookEvent]) {
        if let reason = validate(order, at: time) {
            events.append(.rejected(id: order.id, reason: reason))
            return
        }
        var price: Int64 = 0
        if case .limit(let limit) = order.type { price = limit }
        var repriced = false
        if order.postOnly && state == .continuous {
            switch postOnlyPrice(side: order.side, price: price, quantity: order.quantity) {
            case .success(let newPrice):
                repriced = newPrice != price
                price = newPrice
            case .failure(let reason):
                events.append(.rejected(id: order.id, reason: reason))
                return
            }
        }
        events.append(
            .accepted(
                Acceptance(
                    id: order.id, owner: order.owner, side: order.side, price: price == 0 ? nil : price,
                    quantity: order.quantity, repriced: repriced)))

        var remaining = order.quantity
        var stop = SweepStop.exhausted
        if state == .continuous && !order.postOnly && (price == 0 || crossesOpposite(side: order.side, price: price)) {
            let threshold = price == 0 ? Int64.min : BookSide.priceKey(price, order.side.opposite)
            if order.timeInForce == .fillOrKill
                && !canFill(side: order.side, threshold: threshold, owner: order.owner, quantity: remaining)
            {
                events.append(
                    .cancelled(Cancellation(id: order.id, quantity: remaining, remaining: 0, reason: .fillOrKill)))
                return
            }
            (remaining, stop) = sweep(
                id: order.id, owner: order.owner, side: order.side, threshold: threshold, quantity: remaining,
                selfTradePrevention: order.selfTradePrevention, events: &events)
            if remaining == 0 { return }
        }

        let reason: CancelReason?
        switch stop {
        case .selfTrade:
            reason = .selfTradePrevention
        case .band:
            reason = order.timeInForce.isImmediate || price == 0 ? .priceBand : nil
        case .exhausted:
            switch order.timeInForce {
            case .immediateOrCancel: reason = price == 0 ? .noLiquidity : .immediateOrCancel
            case .fillOrKill: reason = .fillOrKill
            case .goodTillCancel, .day, .goodTillDate:
                reason = price == 0 && state == .continuous ? .noLiquidity : nil
            }
        }
        if let reason {
            events.append(.cancelled(Cancellation(id: order.id, quantity: remaining, remaining: 0, reason: reason)))
            return
        }
        rest(order, price: price, remaining: remaining)
    }

    /// The first rule `order` breaks, if any.
    @inline(__always)
    func validate(_ order: NewOrder, at time: Int64) -> RejectReason? {
        if order.id == 0 { return .invalidOrderID }
        if state == .closed { return .marketClosed }
        if index.find(order.id) >= 0 { return .duplicateOrderID }
        if let reason = rules.check(quantity: order.quantity) { return reason }
        let immediate = order.timeInForce.isImmediate
        switch order.type {
        case .limit(let price):
            if let reason = rules.check(price: price, quantity: order.quantity) { return reason }
        case .market:
            if order.postOnly || order.displayQuantity != nil { return .invalidCombination }
        }
        if let display = order.displayQuantity {
            if immediate { return .invalidCombination }
            if display <= 0 || display >= order.quantity || display % rules.quantityIncrement != 0 {
                return .invalidDisplayQuantity
            }
        }
        if order.postOnly && immediate { return .invalidCombination }
        if case .goodTillDate(let expiresAt) = order.timeInForce, expiresAt <= time { return .invalidExpiry }
        if immediate && state != .continuous { return .notMatching }
        return nil
    }

    /// The price a post-only order rests at: its own if it does not cross, else (when
    /// the market reprices) the nearest valid price one tick behind the best opposite
    /// price, checked again against the notional limits.
    func postOnlyPrice(side: Side, price: Int64, quantity: Int64) -> Result<Int64, RejectReason> {
        let crossing: Int64?
        if side == .buy {
            crossing = bestAsk.flatMap { price >= $0 ? $0 : nil }
        } else {
            crossing = bestBid.flatMap { price <= $0 ? $0 : nil }
        }
        guard let opposite = crossing else { return .success(price) }
        guard rules.postOnlyPolicy == .reprice else { return .failure(.postOnlyWouldTrade) }
        let table = rules.tickTable
        guard let newPrice = side == .buy ? table.price(below: opposite) : table.price(above: opposite) else {
            return .failure(.noPriceToRepriceTo)
        }
        if let reason = rules.check(price: newPrice, quantity: quantity) { return .failure(reason) }
        return .success(newPrice)
    }

    /// Puts a validated order's remainder into the book.
    @inline(__always)
    mutating func rest(_ order: NewOrder, price: Int64, remaining: Int64) {
        let lifetime: OrderSlot.Lifetime
        var expiresAt = Int64.max
        switch order.timeInForce {
        case .day: lifetime = .day
        case .goodTillDate(let time):
            lifetime = .goodTillDate
            expiresAt = time
        case .goodTillCancel, .immediateOrCancel, .fillOrKill: lifetime = .goodTillCancel
        }
        let peak = order.displayQuantity ?? 0
        let handle = allocateOrder(
            OrderSlot(
                id: order.id, owner: order.owner, price: price, remaining: remaining,
                displayed: peak == 0 ? remaining : min(peak, remaining), peak: peak, expiresAt: expiresAt,
                sequence: 0, prev: OrderSlot.none, next: OrderSlot.none, level: OrderSlot.none, side: order.side,
                lifetime: lifetime, postOnly: order.postOnly, selfTradePrevention: order.selfTradePrevention))
        index.insert(order.id, handle)
        link(handle)
    }
}
