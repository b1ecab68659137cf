import Matching

/// A deliberately simple price-time book to check `OrderBook` against: one flat array
/// of resting orders, and every fill found by scanning it for the best price, then the
/// earliest stamp. Slow and obviously right. Continuous trading only.
struct ReferenceBook {
    struct Order: Equatable {
        var id: UInt64
        var owner: UInt64
        var side: Side
        var price: Int64
        var remaining: Int64
        var displayed: Int64
        var peak: Int64
        var stp: SelfTradePrevention
        var stamp: Int
    }

    var orders: [Order] = []
    var trades: [[Int64]] = []
    private var stamp = 0

    private mutating func nextStamp() -> Int {
        stamp += 1
        return stamp
    }

    /// The resting orders of one side in priority order, as (id, price, remaining, displayed).
    func side(_ side: Side) -> [[Int64]] {
        orders.filter { $0.side == side }
            .sorted { a, b in
                a.price != b.price ? (side == .buy ? a.price > b.price : a.price < b.price) : a.stamp < b.stamp
            }
            .map { [Int64($0.id), $0.price, $0.remaining, $0.displayed] }
    }

    private func bestMaker(against side: Side, limit: Int64?) -> Int? {
        var best: Int?
        for (i, order) in orders.enumerated() where order.side != side {
            if let limit, side == .buy ? order.price > limit : order.price < limit { continue }
            guard let b = best else {
                best = i
                continue
            }
            let better = side == .buy ? order.price < orders[b].price : order.price > orders[b].price
            if better || (order.price == orders[b].price && order.stamp < orders[b].stamp) { best = i }
        }
        return best
    }

    /// Matches an incoming order; returns what is left and whether self-trade
    /// prevention stopped it. `stopAtOwn` is the fill-or-kill dry run.
    private mutating func match(
        id: UInt64, owner: UInt64, side: Side, limit: Int64?, quantity: Int64, stp: SelfTradePrevention,
        stopAtOwn: Bool = false
    ) -> (Int64, Bool) {
        var left = quantity
        while left > 0, let m = bestMaker(against: side, limit: limit) {
            if orders[m].owner == owner {
                if stopAtOwn { return (left, true) }
                switch stp {
                case .cancelNewest: return (left, true)
                case .cancelOldest: orders.remove(at: m)
                case .cancelBoth:
                    orders.remove(at: m)
                    return (left, true)
                case .decrement:
                    let cut = min(left, orders[m].remaining)
                    left -= cut
                    orders[m].remaining -= cut
                    orders[m].displayed = min(orders[m].displayed, orders[m].remaining)
                    if orders[m].remaining == 0 { orders.remove(at: m) }
                }
                continue
            }
            let fill = min(left, orders[m].displayed)
            trades.append([Int64(orders[m].id), Int64(id), orders[m].price, fill])
            left -= fill
            orders[m].remaining -= fill
            orders[m].displayed -= fill
            if orders[m].remaining == 0 {
                orders.remove(at: m)
            } else if orders[m].displayed == 0 {
                orders[m].displayed = min(orders[m].peak, orders[m].remaining)
                orders[m].stamp = nextStamp()
            }
        }
        return (left, false)
    }

    mutating func place(_ order: NewOrder) {
        var limit: Int64?
        if case .limit(let price) = order.type { limit = price }
        if order.timeInForce == .fillOrKill {
            var dryRun = self
            let (left, _) = dryRun.match(
                id: order.id, owner: order.owner, side: order.side, limit: limit, quantity: order.quantity,
                stp: order.selfTradePrevention, stopAtOwn: true)
            if left > 0 { return }
        }
        let (left, stopped) = match(
            id: order.id, owner: order.owner, side: order.side, limit: limit, quantity: order.quantity,
            stp: order.selfTradePrevention)
        guard left > 0, !stopped, let price = limit, !order.timeInForce.isImmediate else { return }
        let peak = order.displayQuantity ?? 0
        orders.append(
            Order(
                id: order.id, owner: order.owner, side: order.side, price: price, remaining: left,
                displayed: peak == 0 ? left : min(peak, left), peak: peak, stp: order.selfTradePrevention,
                stamp: nextStamp()))
    }

    mutating func cancel(_ id: UInt64) { orders.removeAll { $0.id == id } }

    mutating func reduce(_ id: UInt64, by quantity: Int64) {
        guard let i = orders.firstIndex(where: { $0.id == id }) else { return }
        if quantity >= orders[i].remaining {
            orders.remove(at: i)
        } else {
            orders[i].remaining -= quantity
            orders[i].displayed = min(orders[i].displayed, orders[i].remaining)
        }
    }

    mutating func amend(_ id: UInt64, price: Int64?, quantity: Int64?) {
        guard let i = orders.firstIndex(where: { $0.id == id }) else { return }
        var order = orders[i]
        let newPrice = price ?? order.price
        let newQuantity = quantity ?? order.remaining
        if newPrice == order.price && newQuantity < order.remaining {
            orders[i].remaining = newQuantity
            orders[i].displayed = min(order.displayed, newQuantity)
            return
        }
        orders.remove(at: i)
        let (left, stopped) = match(
            id: id, owner: order.owner, side: order.side, limit: newPrice, quantity: newQuantity, stp: order.stp)
        guard left > 0, !stopped else { return }
        order.price = newPrice
        order.remaining = left
        order.displayed = order.peak == 0 ? left : min(order.peak, left)
        order.stamp = nextStamp()
        orders.append(order)
    }
}
