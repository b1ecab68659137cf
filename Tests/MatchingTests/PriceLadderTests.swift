import Testing

@testable import Matching

/// The book's price ladder: a window of `BookSide.windowSize` tick ordinals around the
/// best price plus a sorted list for prices beyond it. These tests drive prices across
/// and far outside the window (drifting best prices, far levels pulled back into the
/// window, both tick bands of Reg NMS, prices at the ends of `Int64`) and check the
/// book against the simple `ReferenceBook` after every command.
@Suite struct PriceLadderTests {
    /// A random command whose prices come from a drifting centre, sometimes far from it
    /// (beyond the ladder window), always valid on `table`.
    static func command(
        _ rng: inout SplitMix64, center: inout Int64, nextID: inout UInt64, resting: [UInt64], table: TickTable
    ) -> BookCommand {
        let window = Int64(BookSide.windowSize)
        // A random walk wide enough to push the best price out of any window placement.
        center = max(window * 4, center + Int64.random(in: -40...40, using: &rng))
        func price(_ side: Side) -> Int64 {
            let roll = Int.random(in: 0..<10, using: &rng)
            let distance: Int64 =
                roll < 6
                ? Int64.random(in: 0...30, using: &rng)
                : roll < 9 ? Int64.random(in: window / 2...window * 2, using: &rng)
                : Int64.random(in: window * 2...window * 3, using: &rng)
            let ordinal = side == .buy ? center - distance : center + distance
            return Self.price(ordinal: ordinal, on: table)
        }
        let roll = Int.random(in: 0..<100, using: &rng)
        if roll >= 50, !resting.isEmpty {
            let id = resting[Int.random(in: 0..<resting.count, using: &rng)]
            switch roll {
            case 50..<65: return .cancel(id: id)
            case 65..<72: return .reduce(id: id, by: Int64.random(in: 1...4, using: &rng))
            default:
                let side: Side = Bool.random(using: &rng) ? .buy : .sell
                return .amend(id: id, price: price(side), quantity: nil)
            }
        }
        nextID += 1
        let side: Side = Bool.random(using: &rng) ? .buy : .sell
        let quantity = Int64.random(in: 1...9, using: &rng)
        if Int.random(in: 0..<12, using: &rng) == 0 {
            return .place(.market(id: nextID, owner: nextID, side: side, quantity: quantity))
        }
        // Now and then an order that sweeps several levels on the other side.
        let crossing = Int.random(in: 0..<8, using: &rng) == 0
        let limit = crossing ? price(side.opposite) : price(side)
        let tif: TimeInForce = Int.random(in: 0..<6, using: &rng) == 0 ? .immediateOrCancel : .goodTillCancel
        return .place(
            .limit(id: nextID, owner: nextID, side: side, price: limit, quantity: quantity, timeInForce: tif))
    }

    /// The valid price with this tick ordinal (ordinals count valid prices upwards).
    static func price(ordinal: Int64, on table: TickTable) -> Int64 {
        let ordinal = max(ordinal, 1)
        var band = table.bands[0]
        for candidate in table.bands where table.ordinal(of: candidate.start) <= ordinal { band = candidate }
        return band.start + (ordinal - table.ordinal(of: band.start)) * band.tick
    }

    /// Runs `steps` random commands on a book and the reference book, comparing them
    /// after each one.
    static func agree(seed: UInt64, table: TickTable, center: Int64, steps: Int) throws {
        var rng = SplitMix64(seed: seed)
        var book = OrderBook(rules: try MarketRules(tickTable: table))
        var reference = ReferenceBook()
        var events: [BookEvent] = []
        var nextID: UInt64 = 0
        var center = center
        for step in 0..<steps {
            let ids = reference.orders.map(\.id).sorted()
            let command = Self.command(&rng, center: &center, nextID: &nextID, resting: ids, table: table)
            let before = reference.trades.count
            events.removeAll()
            book.apply(command, at: Int64(step), events: &events)
            switch command {
            case .place(let order): reference.place(order)
            case .cancel(let id): reference.cancel(id)
            case .reduce(let id, let by): reference.reduce(id, by: by)
            case .amend(let id, let price, let quantity): reference.amend(id, price: price, quantity: quantity)
            }
            #expect(BookFixture.rejection(events) == nil, "seed \(seed) step \(step): \(command)")
            try #require(
                BookFixture.fills(events) == Array(reference.trades[before...]), "seed \(seed) step \(step): \(command)")
            for side in [Side.buy, .sell] {
                let actual = book.restingOrders(on: side).map { [Int64($0.id), $0.price ?? 0, $0.remaining, $0.displayed] }
                try #require(actual == reference.side(side), "seed \(seed) step \(step) \(side): \(command)")
                let prices = reference.side(side).map { $0[1] }
                let levels = book.depth(on: side).map(\.price)
                var distinct: [Int64] = []
                for price in prices where distinct.last != price { distinct.append(price) }
                try #require(levels == distinct, "levels, seed \(seed) step \(step) \(side)")
            }
            #expect(book.bestBid == reference.side(.buy).first?[1])
            #expect(book.bestAsk == reference.side(.sell).first?[1])
        }
    }

    @Test(arguments: 1...12)
    func pricesBeyondTheWindowAgreeWithReference(seed: UInt64) throws {
        try Self.agree(seed: seed, table: try .uniform(tick: 1), center: 50_000, steps: 700)
    }

    @Test(arguments: 1...6)
    func regNMSBandsAgreeWithReference(seed: UInt64) throws {
        // Ordinal 10,000 is $1.00: the walk crosses between the $0.0001 and $0.01 bands.
        try Self.agree(seed: 100 + seed, table: .regNMS, center: 10_000, steps: 700)
    }

    @Test func tickOrdinalsCountValidPrices() throws {
        let regNMS = TickTable.regNMS
        #expect(regNMS.ordinal(of: 1) == 1)
        #expect(regNMS.ordinal(of: 9_999) == 9_999)
        #expect(regNMS.ordinal(of: 10_000) == 10_000)
        #expect(regNMS.ordinal(of: 10_100) == 10_001)
        #expect(regNMS.ordinal(of: 1_000_000) == 10_000 + 9_900)
        let bands = try TickTable(bands: [.init(start: 0, tick: 5), .init(start: 100, tick: 10), .init(start: 300, tick: 50)])
        #expect(bands.ordinal(of: 5) == 1)
        #expect(bands.ordinal(of: 95) == 19)
        #expect(bands.ordinal(of: 100) == 20)
        #expect(bands.ordinal(of: 290) == 39)
        #expect(bands.ordinal(of: 300) == 40)
        #expect(bands.ordinal(of: 400) == 42)
        // Consecutive valid prices have consecutive ordinals.
        var previous: Int64 = 0
        for price in Int64(1)...600 where bands.isValid(price) {
            #expect(bands.ordinal(of: price) == previous + 1, "price \(price)")
            previous = bands.ordinal(of: price)
        }
    }

    @Test func extremePricesRestAndTradeInPriority() throws {
        var fixture = try BookFixture()
        let top = Int64.max - 1
        fixture.limit(1, .buy, 1, 5)
        fixture.limit(2, .sell, top, 5)
        fixture.limit(3, .sell, top - 1, 5)
        fixture.limit(4, .buy, 2, 5)
        fixture.limit(5, .sell, 1_000_000, 5)
        #expect(fixture.book.bestBid == 2)
        #expect(fixture.book.bestAsk == 1_000_000)
        #expect(fixture.book.depth(on: .sell).map(\.price) == [1_000_000, top - 1, top])
        #expect(fixture.book.depth(on: .buy).map(\.price) == [2, 1])
        // A market buy walks the asks best first, across the far levels.
        let fills = BookFixture.fills(fixture.market(6, .buy, 12))
        #expect(fills == [[5, 6, 1_000_000, 5], [3, 6, top - 1, 5], [2, 6, top, 2]])
        #expect(fixture.book.bestAsk == top)
        // A market sell empties the bids; the book still finds new levels afterwards.
        #expect(BookFixture.fills(fixture.market(7, .sell, 10)) == [[4, 7, 2, 5], [1, 7, 1, 5]])
        #expect(fixture.book.bestBid == nil)
        fixture.limit(8, .buy, top - 2, 1)
        #expect(fixture.book.bestBid == top - 2)
        #expect(BookFixture.fills(fixture.limit(9, .sell, 1, 4)) == [[8, 9, top - 2, 1]])
        #expect(fixture.book.bestAsk == 1)
    }

    @Test func farLevelsSnapshotAndRestoreExactly() throws {
        var fixture = try BookFixture()
        let window = Int64(BookSide.windowSize)
        // Bids spread over three windows, asks likewise, in a scrambled order.
        var id: UInt64 = 0
        for offset in stride(from: Int64(0), to: window * 3, by: 97) {
            for (side, price) in [(Side.buy, 100_000 - (offset * 7) % (window * 3)), (.sell, 200_000 + (offset * 5) % (window * 3))] {
                id += 1
                fixture.limit(id, side, price, 2)
            }
        }
        var restored = try OrderBook(snapshot: fixture.book.snapshot())
        #expect(restored == fixture.book)
        for side in [Side.buy, .sell] {
            #expect(restored.depth(on: side).map(\.price) == fixture.book.depth(on: side).map(\.price))
        }
        // Sweeping both sides completely gives the same fills in price order.
        var a: [BookEvent] = []
        var b: [BookEvent] = []
        let sweepSell = NewOrder.market(id: 10_000, owner: 10_000, side: .sell, quantity: 10_000)
        let sweepBuy = NewOrder.market(id: 10_001, owner: 10_001, side: .buy, quantity: 10_000)
        for order in [sweepSell, sweepBuy] {
            fixture.book.place(order, at: 0, events: &a)
            restored.place(order, at: 0, events: &b)
        }
        #expect(a == b)
        let prices = BookFixture.fills(a).map { $0[2] }
        #expect(prices.count == Int(id))
        let bidPrices = Array(prices.prefix(Int(id) / 2))
        #expect(bidPrices == bidPrices.sorted(by: >))
        let askPrices = Array(prices.suffix(Int(id) / 2))
        #expect(askPrices == askPrices.sorted())
        #expect(fixture.book.restingOrderCount == 0)
    }
}
