/// Call auction price determination.
///
/// The uncross price is chosen among the candidate prices (every distinct limit
/// price, plus the reference price when one is given) by four rules in turn:
///
/// 1. maximise the executable quantity `min(B(p), S(p))`, where `B(p)` is the buy
///    quantity of market orders and limits at or above `p` and `S(p)` the sell
///    quantity of market orders and limits at or below `p`;
/// 2. then minimise the imbalance `|B(p) - S(p)|`;
/// 3. then market pressure: if every remaining candidate has a buy surplus take the
///    highest, if every one has a sell surplus take the lowest;
/// 4. otherwise take the candidate closest to the reference price, the higher of
///    two equally close ones (the highest when there is no reference price).
///
/// Including the reference price as a candidate lets an auction that is
/// indifferent over a range of prices print at the reference price itself, and
/// gives an auction of market orders only a price. Everything is integer and
/// checked; the result depends only on the orders' contents, not their order.
public enum CallAuction {
    /// The uncross price and quantities for `orders`, or an indication without a
    /// price (paired quantity 0) when no candidate price executes anything; then
    /// `buyQuantity` and `sellQuantity` are the sides' totals.
    public static func indication(
        orders: [AuctionOrder], referencePrice: Int64?
    ) throws(AuctionError) -> AuctionIndication {
        if let reference = referencePrice, reference <= 0 {
            throw .nonPositivePrice(orderID: nil, price: reference)
        }
        var marketSell: Int64 = 0
        var totalBuy: Int64 = 0, totalSell: Int64 = 0
        var buys: [(price: Int64, quantity: Int64)] = []
        var sells: [(price: Int64, quantity: Int64)] = []
        for order in orders {
            guard order.quantity > 0 else { throw .nonPositiveQuantity(orderID: order.id, quantity: order.quantity) }
            if let price = order.price, price <= 0 { throw .nonPositivePrice(orderID: order.id, price: price) }
            switch order.side {
            case .buy:
                totalBuy = try add(totalBuy, order.quantity, .buy)
                if let price = order.price { buys.append((price, order.quantity)) }
            case .sell:
                totalSell = try add(totalSell, order.quantity, .sell)
                if let price = order.price { sells.append((price, order.quantity)) } else { marketSell += order.quantity }
            }
        }
        // Candidates ascending; B(p) falls and S(p) rises as p rises, so one sweep
        // over buys sorted ascending and sells sorted ascending computes both.
        var candidates = buys.map(\.price) + sells.map(\.price)
        if let reference = referencePrice { candidates.append(reference) }
        candidates.sort()
        buys.sort { $0.price < $1.price }
        sells.sort { $0.price < $1.price }

        var best: [AuctionIndication] = []
        var bestPaired: Int64 = 0, bestImbalance: Int64 = 0
        var buyBelow: Int64 = 0      // limit buy quantity priced strictly below p
        var sellAtOrBelow: Int64 = 0 // limit sell quantity priced at or below p
        var buyIndex = 0, sellIndex = 0
        var previous: Int64?
        for price in candidates where price != previous {
            previous = price
            while buyIndex < buys.count, buys[buyIndex].price < price {
                buyBelow += buys[buyIndex].quantity
                buyIndex += 1
            }
            while sellIndex < sells.count, sells[sellIndex].price <= price {
                sellAtOrBelow += sells[sellIndex].quantity
                sellIndex += 1
            }
            // Totals were checked not to overflow, and these are parts of them.
            let candidate = AuctionIndication(
                price: price, buyQuantity: totalBuy - buyBelow, sellQuantity: marketSell + sellAtOrBelow)
            let paired = candidate.pairedQuantity, imbalance = candidate.imbalanceQuantity
            if best.isEmpty || paired > bestPaired || (paired == bestPaired && imbalance < bestImbalance) {
                best = [candidate]
                bestPaired = paired
                bestImbalance = imbalance
            } else if paired == bestPaired && imbalance == bestImbalance {
                best.append(candidate)
            }
        }
        guard bestPaired > 0, let lowest = best.first, let highest = best.last else {
            return AuctionIndication(price: nil, buyQuantity: totalBuy, sellQuantity: totalSell)
        }
        if best.allSatisfy({ $0.imbalanceSide == .buy }) { return highest }
        if best.allSatisfy({ $0.imbalanceSide == .sell }) { return lowest }
        guard let reference = referencePrice else { return highest }
        var chosen = lowest
        for candidate in best {
            guard let price = candidate.price, let chosenPrice = chosen.price else { continue }
            // Ascending order: a later, equally close candidate is the higher one.
            if distance(price, reference) <= distance(chosenPrice, reference) { chosen = candidate }
        }
        return chosen
    }

    private static func add(_ total: Int64, _ quantity: Int64, _ side: Side) throws(AuctionError) -> Int64 {
        let (sum, overflow) = total.addingReportingOverflow(quantity)
        guard !overflow else { throw .quantityOverflow(side) }
        return sum
    }

    private static func distance(_ a: Int64, _ b: Int64) -> UInt64 {
        a >= b ? UInt64(a - b) : UInt64(b - a)
    }
}
