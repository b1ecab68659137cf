import Testing

@testable import Matching

/// Random command sequences (seeded, so a failure replays) run through `OrderBook` and
/// the simple `ReferenceBook`: same trades, same book after every command, never
/// crossed at rest, quantity conserved.
@Suite struct ReferenceBookPropertyTests {
    static func randomCommand(_ rng: inout SplitMix64, nextID: inout UInt64, resting: [UInt64]) -> BookCommand {
        let roll = Int.random(in: 0..<100, using: &rng)
        if roll >= 55, !resting.isEmpty {
            let id = resting[Int.random(in: 0..<resting.count, using: &rng)]
            switch roll {
            case 55..<70: return .cancel(id: id)
            case 70..<80: return .reduce(id: id, by: Int64.random(in: 1...6, using: &rng))
            default:
                let price: Int64? = Bool.random(using: &rng) ? Int64.random(in: 95...105, using: &rng) : nil
                let quantity: Int64? = price == nil || Bool.random(using: &rng) ? Int64.random(in: 1...12, using: &rng) : nil
                return .amend(id: id, price: price, quantity: quantity)
            }
        }
        nextID += 1
        let side: Side = Bool.random(using: &rng) ? .buy : .sell
        let quantity = Int64.random(in: 1...12, using: &rng)
        let owner = UInt64.random(in: 1...4, using: &rng)
        let stp = SelfTradePrevention.allCases[Int.random(in: 0..<4, using: &rng)]
        if Int.random(in: 0..<10, using: &rng) == 0 {
            let tif: TimeInForce = Bool.random(using: &rng) ? .immediateOrCancel : .fillOrKill
            return .place(.market(id: nextID, owner: owner, side: side, quantity: quantity, timeInForce: tif, selfTradePrevention: stp))
        }
        let tifs: [TimeInForce] = [.goodTillCancel, .goodTillCancel, .day, .immediateOrCancel, .fillOrKill]
        let tif = tifs[Int.random(in: 0..<tifs.count, using: &rng)]
        let display: Int64? =
            !tif.isImmediate && quantity > 1 && Int.random(in: 0..<4, using: &rng) == 0
            ? Int64.random(in: 1..<quantity, using: &rng) : nil
        // Buys centred below sells so the book both rests and trades.
        let price = side == .buy ? Int64.random(in: 94...102, using: &rng) : Int64.random(in: 98...106, using: &rng)
        return .place(
            .limit(
                id: nextID, owner: owner, side: side, price: price, quantity: quantity, timeInForce: tif,
                displayQuantity: display, selfTradePrevention: stp))
    }

    @Test(arguments: 1...40)
    func bookAgreesWithReferenceOnRandomSequences(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var book = OrderBook(rules: try MarketRules(tickTable: .uniform(tick: 1)))
        var reference = ReferenceBook()
        var events: [BookEvent] = []
        var nextID: UInt64 = 0
        var entered: Int64 = 0
        var filled: Int64 = 0
        var cancelled: Int64 = 0
        for step in 0..<400 {
            let restingIDs = reference.orders.map(\.id).sorted()
            let command = Self.randomCommand(&rng, nextID: &nextID, resting: restingIDs)
            let before = reference.trades.count
            if case .amend(let id, _, let quantity?) = command, let old = book.order(id) {
                // An accepted amend re-enters quantity: count the change.
                entered += quantity - old.remaining
            }
            events.removeAll()
            book.apply(command, at: Int64(step), events: &events)
            switch command {
            case .place(let order): reference.place(order)
            case .cancel(let id): reference.cancel(id)
            case .reduce(let id, let by): reference.reduce(id, by: by)
            case .amend(let id, let price, let quantity): reference.amend(id, price: price, quantity: quantity)
            }
            for event in events {
                switch event {
                case .accepted(let a): entered += a.quantity
                case .executed(let e): filled += 2 * e.quantity
                case .cancelled(let c): cancelled += c.quantity
                case .rejected(_, let reason): Issue.record("seed \(seed) step \(step): unexpected rejection \(reason)")
                default: break
                }
            }
            let fills = events.compactMap { event -> [Int64]? in
                guard case .executed(let e) = event else { return nil }
                return [Int64(e.maker), Int64(e.taker), e.price, e.quantity]
            }
            try #require(fills == Array(reference.trades[before...]), "seed \(seed) step \(step): \(command)")
            for side in [Side.buy, .sell] {
                let actual = book.restingOrders(on: side).map { [Int64($0.id), $0.price ?? 0, $0.remaining, $0.displayed] }
                try #require(actual == reference.side(side), "seed \(seed) step \(step) \(side): \(command)")
            }
            try Self.checkEventsDescribeBook(events, book, "seed \(seed) step \(step): \(command)")
            if let bid = book.bestBid, let ask = book.bestAsk { try #require(bid < ask, "crossed at step \(step)") }
            let bids: Int64 = book.restingOrders(on: .buy).map(\.remaining).reduce(0, +)
            let asks: Int64 = book.restingOrders(on: .sell).map(\.remaining).reduce(0, +)
            let accounted: Int64 = filled + cancelled + bids + asks
            try #require(entered == accounted, "quantity not conserved at step \(step)")
            let bidDepth: Int64 = book.depth(on: .buy).map(\.quantity).reduce(0, +)
            let askDepth: Int64 = book.depth(on: .sell).map(\.quantity).reduce(0, +)
            try #require(bidDepth == bids && askDepth == asks, "level totals differ at step \(step)")
        }
    }

    /// What an order's events say about it after one command: its price and open
    /// quantity, and its displayed quantity while the last word was a replacement.
    private struct Described {
        var price: Int64?
        var remaining: Int64
        var displayed: Int64?
    }

    /// The `replaced` and `cancelled` events, followed by the fills after them, must
    /// describe each order as the book now holds it: a subscriber who keeps its own
    /// copy of the book from events alone ends up with the same orders.
    static func checkEventsDescribeBook(_ events: [BookEvent], _ book: OrderBook, _ context: String) throws {
        var described: [UInt64: Described] = [:]
        for event in events {
            switch event {
            case .replaced(let r):
                described[r.id] = Described(price: r.price, remaining: r.remaining, displayed: r.displayed)
            case .cancelled(let c):
                let price = described[c.id]?.price
                described[c.id] = Described(price: price, remaining: c.remaining, displayed: nil)
            case .executed(let e):
                for id in [e.maker, e.taker] where described[id] != nil {
                    described[id]?.remaining -= e.quantity
                    described[id]?.displayed = nil
                }
            default: break
            }
        }
        for (id, expected) in described.sorted(by: { $0.key < $1.key }) {
            let resting = book.order(id)
            if expected.remaining == 0 {
                try #require(resting == nil, "order \(id) is still resting after its events closed it; \(context)")
                continue
            }
            let order = try #require(resting, "order \(id) left the book but its events leave \(expected.remaining) open; \(context)")
            try #require(order.remaining == expected.remaining, "order \(id) remaining; \(context)")
            if let price = expected.price { try #require(order.price == price, "order \(id) price; \(context)") }
            if let displayed = expected.displayed { try #require(order.displayed == displayed, "order \(id) displayed; \(context)") }
        }
    }
}
