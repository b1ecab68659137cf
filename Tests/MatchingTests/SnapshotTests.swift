import Testing

@testable import Matching

/// Byte snapshots: a restored book equals the original and behaves identically after;
/// bad bytes are refused with a reason.
@Suite struct SnapshotTests {
    static func busyBook(seed: UInt64) throws -> (OrderBook, SplitMix64, UInt64) {
        var rng = SplitMix64(seed: seed)
        var book = OrderBook(rules: try MarketRules(tickTable: .regNMS, postOnlyPolicy: .reprice))
        var events: [BookEvent] = []
        var nextID: UInt64 = 0
        for step in 0..<300 {
            let ids = book.restingOrders(on: .buy).map(\.id) + book.restingOrders(on: .sell).map(\.id)
            let command = ReferenceBookPropertyTests.randomCommand(&rng, nextID: &nextID, resting: ids.sorted())
            book.apply(command, at: Int64(step), events: &events)
        }
        book.place(
            .limit(id: 100_000, owner: 9, side: .buy, price: 50, quantity: 3, timeInForce: .goodTillDate(expiresAt: 1_000)),
            at: 0, events: &events)
        book.priceBand = PriceBand(lower: 90, upper: 110)
        return (book, rng, nextID)
    }

    @Test(arguments: [UInt64(3), 8, 21])
    func restoredBookBehavesIdentically(seed: UInt64) throws {
        var (original, rng, nextID) = try Self.busyBook(seed: seed)
        var restored = try OrderBook(snapshot: original.snapshot())
        #expect(restored == original)
        #expect(restored.restingOrderCount == original.restingOrderCount)
        #expect(restored.lastTradePrice == original.lastTradePrice)
        #expect(restored.priceBand == original.priceBand)
        for side in [Side.buy, .sell] { #expect(restored.restingOrders(on: side) == original.restingOrders(on: side)) }
        var a: [BookEvent] = []
        var b: [BookEvent] = []
        for step in 300..<600 {
            let ids = original.restingOrders(on: .buy).map(\.id) + original.restingOrders(on: .sell).map(\.id)
            let command = ReferenceBookPropertyTests.randomCommand(&rng, nextID: &nextID, resting: ids.sorted())
            original.apply(command, at: Int64(step), events: &a)
            restored.apply(command, at: Int64(step), events: &b)
        }
        original.expireOrders(asOf: 1_000, events: &a)
        restored.expireOrders(asOf: 1_000, events: &b)
        original.expireDayOrders(events: &a)
        restored.expireDayOrders(events: &b)
        #expect(a.count > 300)
        #expect(a == b)
        #expect(original.snapshot() == restored.snapshot())
    }

    @Test func auctionStateAndWaitingMarketOrdersRoundTrip() throws {
        var book = OrderBook(rules: try MarketRules(tickTable: .uniform(tick: 1)), state: .auction)
        var events: [BookEvent] = []
        book.place(.market(id: 1, owner: 1, side: .buy, quantity: 4, timeInForce: .day), at: 0, events: &events)
        book.place(.limit(id: 2, owner: 2, side: .sell, price: 100, quantity: 10, displayQuantity: 3), at: 0, events: &events)
        book.place(
            .limit(id: 3, owner: 3, side: .sell, price: 101, quantity: 1, timeInForce: .goodTillDate(expiresAt: 500)),
            at: 0, events: &events)
        var restored = try OrderBook(snapshot: book.snapshot())
        events.removeAll()
        restored.expireOrders(asOf: 500, events: &events)
        #expect(events == [.cancelled(Cancellation(id: 3, quantity: 1, remaining: 0, reason: .expired))])
        #expect(restored.state == .auction)
        #expect(restored.restingOrders(on: .buy) == book.restingOrders(on: .buy))
        #expect(restored.order(2)?.displayQuantity == 3)
    }

    @Test func badBytesAreRefused() throws {
        let (book, _, _) = try Self.busyBook(seed: 5)
        let bytes = book.snapshot()
        #expect(throws: SnapshotError.truncated) { try OrderBook(snapshot: []) }
        #expect(throws: SnapshotError.notASnapshot) { try OrderBook(snapshot: [UInt8]("ECOB".utf8) + [9]) }
        #expect(throws: SnapshotError.trailingBytes) { try OrderBook(snapshot: bytes + [0]) }
        for length in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: SnapshotError.self) { try OrderBook(snapshot: Array(bytes[..<length])) }
        }
        // The first order's side byte follows the fixed header.
        let header = 5 + 8 + 2 * 16 + 6 * 8 + 1 + 1 + 9 + 9 + 8 + 8 + 8
        var badSide = bytes
        badSide[header] = 7
        #expect(throws: SnapshotError.invalidField("order side")) { try OrderBook(snapshot: badSide) }
        var badState = bytes
        badState[5 + 8 + 2 * 16 + 6 * 8 + 1] = 200
        #expect(throws: SnapshotError.invalidField("trading state")) { try OrderBook(snapshot: badState) }
    }
}
