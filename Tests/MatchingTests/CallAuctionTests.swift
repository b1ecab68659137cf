import Testing
@testable import Matching

private func buy(_ id: UInt64, _ price: Int64?, _ quantity: Int64) -> AuctionOrder {
    AuctionOrder(id: id, side: .buy, price: price, quantity: quantity, sequence: id)
}

private func sell(_ id: UInt64, _ price: Int64?, _ quantity: Int64) -> AuctionOrder {
    AuctionOrder(id: id, side: .sell, price: price, quantity: quantity, sequence: id)
}

@Suite("Call auction price determination (hand-computed cases)")
struct CallAuctionTests {
    @Test("rule 1, maximum volume: B = 600/600/300/100, S = 150/350/650/650 at 99/100/101/102 -> 100")
    func maximumVolume() throws {
        let orders = [buy(1, 102, 100), buy(2, 101, 200), buy(3, 100, 300),
                      sell(4, 99, 150), sell(5, 100, 200), sell(6, 101, 300)]
        let result = try CallAuction.indication(orders: orders, referencePrice: 102)
        #expect(result.price == 100)
        #expect(result.pairedQuantity == 350)
        #expect(result.imbalanceQuantity == 250)
        #expect(result.imbalanceSide == .buy)
    }

    @Test("rule 2, minimum imbalance: volume 100 at 99/100/101, imbalance 0/50/50 -> 99 despite reference 101")
    func minimumImbalance() throws {
        let orders = [buy(1, 101, 100), sell(2, 99, 100), sell(3, 100, 50)]
        let result = try CallAuction.indication(orders: orders, referencePrice: 101)
        #expect(result.price == 99)
        #expect(result.pairedQuantity == 100)
        #expect(result.imbalanceQuantity == 0)
        #expect(result.imbalanceSide == nil)
    }

    @Test("rule 3, buy pressure: buy surplus 200 at every tied price -> the highest (102)")
    func buyPressure() throws {
        let orders = [buy(1, 102, 300), sell(2, 100, 100)]
        let result = try CallAuction.indication(orders: orders, referencePrice: 101)
        #expect(result.price == 102)
        #expect(result.pairedQuantity == 100)
        #expect(result.imbalanceQuantity == 200)
        #expect(result.imbalanceSide == .buy)
    }

    @Test("rule 3, sell pressure: sell surplus 200 at every tied price -> the lowest (100)")
    func sellPressure() throws {
        let orders = [buy(1, 102, 100), sell(2, 100, 300)]
        let result = try CallAuction.indication(orders: orders, referencePrice: 101)
        #expect(result.price == 100)
        #expect(result.imbalanceSide == .sell)
        #expect(result.imbalanceQuantity == 200)
    }

    @Test("rule 4, reference price: balanced at 100...102 -> the reference when inside, else the nearest end",
          arguments: [(Int64(101), Int64(101)), (105, 102), (90, 100), (100, 100)])
    func referencePrice(reference: Int64, expected: Int64) throws {
        let orders = [buy(1, 102, 100), sell(2, 100, 100)]
        let result = try CallAuction.indication(orders: orders, referencePrice: reference)
        #expect(result.price == expected)
        #expect(result.pairedQuantity == 100)
        #expect(result.imbalanceQuantity == 0)
    }

    @Test("rule 4 with mixed surplus: buy surplus at 100, sell surplus at 102, balanced nowhere -> closest to reference")
    func mixedSurplus() throws {
        // B(100) = 30, S(100) = 20 (buy +10); B(101) = 20, S(101) = 20 would tie on
        // volume but has 0 imbalance, so make 101 unavailable by construction:
        // buys 102 x20, 100 x10; sells 100 x20, 102 x10.
        // B: 100 -> 30, 102 -> 20. S: 100 -> 20, 102 -> 30. Volume 20 both, imbalance 10 both.
        let orders = [buy(1, 102, 20), buy(2, 100, 10), sell(3, 100, 20), sell(4, 102, 10)]
        #expect(try CallAuction.indication(orders: orders, referencePrice: 99).price == 100)
        #expect(try CallAuction.indication(orders: orders, referencePrice: 150).price == 102)
        // Equidistant reference 101 is itself a candidate with volume 20 and imbalance 0: it wins rule 2.
        #expect(try CallAuction.indication(orders: orders, referencePrice: 101).price == 101)
        // Without a reference, the higher of the tied prices.
        #expect(try CallAuction.indication(orders: orders, referencePrice: nil).price == 102)
    }

    @Test("market orders only: the reference price, or no price without one")
    func marketOnly() throws {
        let orders = [buy(1, nil, 100), sell(2, nil, 60)]
        let priced = try CallAuction.indication(orders: orders, referencePrice: 50)
        #expect(priced.price == 50)
        #expect(priced.pairedQuantity == 60)
        #expect(priced.imbalanceQuantity == 40)
        #expect(priced.imbalanceSide == .buy)
        let unpriced = try CallAuction.indication(orders: orders, referencePrice: nil)
        #expect(unpriced.price == nil)
        #expect(unpriced.pairedQuantity == 0)
    }

    @Test("market orders take priority in volume: MOO buy 80 against limits 99.5 x30 and 100 x100")
    func marketAgainstLimits() throws {
        let orders = [buy(1, nil, 80), buy(2, 99, 50), buy(3, 98, 40), sell(4, 100, 100), sell(5, 99, 30)]
        // B: 98 -> 170, 99 -> 130, 100 -> 80. S: 98 -> 0, 99 -> 30, 100 -> 130. Volume 0/30/80.
        let result = try CallAuction.indication(orders: orders, referencePrice: nil)
        #expect(result.price == 100)
        #expect(result.pairedQuantity == 80)
        #expect(result.imbalanceQuantity == 50)
        #expect(result.imbalanceSide == .sell)
    }

    @Test("no cross: no price, the sides' totals")
    func noCross() throws {
        let result = try CallAuction.indication(orders: [buy(1, 99, 100), sell(2, 101, 70)], referencePrice: 100)
        #expect(result.price == nil)
        #expect(result.pairedQuantity == 0)
        #expect(result.buyQuantity == 100)
        #expect(result.sellQuantity == 70)
        #expect(try CallAuction.indication(orders: [], referencePrice: nil).price == nil)
    }

    @Test("bad input is refused")
    func badInput() {
        #expect(throws: AuctionError.nonPositiveQuantity(orderID: 1, quantity: 0)) {
            try CallAuction.indication(orders: [buy(1, 100, 0)], referencePrice: nil)
        }
        #expect(throws: AuctionError.nonPositivePrice(orderID: 2, price: -5)) {
            try CallAuction.indication(orders: [sell(2, -5, 10)], referencePrice: nil)
        }
        #expect(throws: AuctionError.nonPositivePrice(orderID: nil, price: 0)) {
            try CallAuction.indication(orders: [sell(2, 5, 10)], referencePrice: 0)
        }
        #expect(throws: AuctionError.quantityOverflow(.buy)) {
            try CallAuction.indication(
                orders: [buy(1, 100, Int64.max / 2 + 1), buy(2, nil, Int64.max / 2 + 1)], referencePrice: nil)
        }
    }
}

@Suite("Call auction properties (seeded random books against brute force)")
struct CallAuctionPropertyTests {
    /// Executable quantity at `price`, counted order by order.
    static func bruteForce(_ orders: [AuctionOrder], at price: Int64) -> (buy: Int64, sell: Int64) {
        var b: Int64 = 0, s: Int64 = 0
        for order in orders {
            switch order.side {
            case .buy: if order.price.map({ $0 >= price }) ?? true { b += order.quantity }
            case .sell: if order.price.map({ $0 <= price }) ?? true { s += order.quantity }
            }
        }
        return (b, s)
    }

    static func randomOrders(_ rng: inout SplitMix64) -> [AuctionOrder] {
        let count = Int(Int64.random(in: 0...30, using: &rng))
        return (0..<count).map { i in
            let market = Int64.random(in: 0...9, using: &rng) == 0
            return AuctionOrder(
                id: UInt64(i + 1), side: Int64.random(in: 0...1, using: &rng) == 0 ? .buy : .sell,
                price: market ? nil : Int64.random(in: 90...110, using: &rng),
                quantity: Int64.random(in: 1...500, using: &rng), sequence: UInt64(i))
        }
    }

    @Test("the chosen price maximises volume, then minimises imbalance, over every price in range; never over-fills")
    func maximality() throws {
        var rng = SplitMix64(seed: 0x5E55_1011)
        for _ in 0..<500 {
            let orders = Self.randomOrders(&rng)
            let reference: Int64? = Int64.random(in: 0...3, using: &rng) == 0 ? nil : Int64.random(in: 85...115, using: &rng)
            let result = try CallAuction.indication(orders: orders, referencePrice: reference)
            let totalBuy = orders.filter { $0.side == .buy }.reduce(0) { $0 + $1.quantity }
            let totalSell = orders.filter { $0.side == .sell }.reduce(0) { $0 + $1.quantity }
            var bestVolume: Int64 = 0
            for price in Int64(80)...120 {
                let (b, s) = Self.bruteForce(orders, at: price)
                bestVolume = max(bestVolume, min(b, s))
            }
            #expect(result.pairedQuantity == bestVolume)
            #expect(result.pairedQuantity <= totalBuy && result.pairedQuantity <= totalSell)
            guard let price = result.price else {
                #expect(bestVolume == 0)
                continue
            }
            let (b, s) = Self.bruteForce(orders, at: price)
            #expect(b == result.buyQuantity && s == result.sellQuantity)
            // No candidate price (limit prices and the reference) with the same volume has a smaller imbalance.
            let candidates = orders.compactMap(\.price) + (reference.map { [$0] } ?? [])
            for candidate in candidates {
                let (cb, cs) = Self.bruteForce(orders, at: candidate)
                if min(cb, cs) == bestVolume { #expect(abs(cb - cs) >= result.imbalanceQuantity) }
            }
            // The answer does not depend on the order of the input.
            let reversed = try CallAuction.indication(orders: orders.reversed(), referencePrice: reference)
            #expect(reversed == result)
        }
    }

    @Test("uncrossing the book at the chosen price crosses exactly the paired quantity and leaves it uncrossed")
    func bookUncross() throws {
        var rng = SplitMix64(seed: 0xA0C7_10F5)
        let rules = try MarketRules(tickTable: .uniform(tick: 1))
        for _ in 0..<200 {
            var book = OrderBook(rules: rules, state: .auction)
            var events: [BookEvent] = []
            let orders = Self.randomOrders(&rng)
            for order in orders {
                let type: OrderType = order.price.map { .limit(price: $0) } ?? .market
                book.place(NewOrder(id: order.id, owner: order.id, side: order.side, type: type,
                                    quantity: order.quantity, timeInForce: .day), at: 1, events: &events)
            }
            let resting = [Side.buy, .sell].flatMap { side in
                book.restingOrders(on: side).map {
                    AuctionOrder(id: $0.id, side: side, price: $0.price, quantity: $0.remaining, sequence: $0.sequence)
                }
            }
            let result = try CallAuction.indication(orders: resting, referencePrice: 100)
            events.removeAll()
            let crossed = result.price.map { book.uncross(at: $0, kind: .opening, events: &events) } ?? 0
            #expect(crossed == result.pairedQuantity)
            var filled: [UInt64: Int64] = [:]
            for case .executed(let execution) in events {
                #expect(execution.price == result.price)
                filled[execution.maker, default: 0] += execution.quantity
                filled[execution.taker, default: 0] += execution.quantity
            }
            for order in orders { #expect(filled[order.id, default: 0] <= order.quantity) }
            if let bid = book.bestBid, let ask = book.bestAsk { #expect(bid < ask) }
        }
    }
}
