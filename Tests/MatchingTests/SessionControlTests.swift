import Testing

@testable import Matching

/// What the session engine drives: trading states, uncross at one price, price bands.
@Suite struct SessionControlTests {
    @Test func auctionStateAcceptsWithoutMatchingAndUncrossAllocatesInPriority() throws {
        var f = try BookFixture(state: .auction)
        f.limit(1, .buy, 102, 5)
        f.limit(2, .buy, 101, 5)
        f.market(3, .buy, 2, tif: .day)
        f.limit(4, .sell, 99, 4)
        f.limit(5, .sell, 100, 6)
        f.limit(6, .sell, 103, 6)
        #expect(f.book.bestBid == 102 && f.book.bestAsk == 99)  // crossed while collecting
        #expect(f.book.restingOrders(on: .buy).map(\.id) == [3, 1, 2])
        #expect(f.book.restingOrders(on: .buy).first?.price == nil)
        var events: [BookEvent] = []
        let crossed = f.book.uncross(at: 100, kind: .opening, events: &events)
        #expect(crossed == 10)
        #expect(BookFixture.fills(events) == [[4, 3, 100, 2], [4, 1, 100, 2], [5, 1, 100, 3], [5, 2, 100, 3]])
        #expect(events.last == .trade(CrossTrade(price: 100, quantity: 10, kind: .opening)))
        #expect(f.book.lastTradePrice == 100)
        #expect(f.book.bestBid == 101 && f.book.bestAsk == 103)
        #expect(f.book.order(2)?.remaining == 2)
    }

    @Test func resumingContinuousCancelsWaitingMarketOrders() throws {
        var f = try BookFixture(state: .auction)
        f.market(1, .sell, 2, tif: .day)
        f.limit(2, .buy, 90, 1)
        var events: [BookEvent] = []
        f.book.setTradingState(.continuous, events: &events)
        #expect(events.first == .tradingStateChanged(.continuous))
        #expect(BookFixture.cancels(events) == [Cancellation(id: 1, quantity: 2, remaining: 0, reason: .auctionUnfilled)])
        #expect(f.book.restingOrderCount == 1)
        events.removeAll()
        f.book.setTradingState(.continuous, events: &events)
        #expect(events.isEmpty)
    }

    @Test func haltStopsMatchingUntilResumed() throws {
        var f = try BookFixture()
        var events: [BookEvent] = []
        f.book.setTradingState(.halted, events: &events)
        f.limit(1, .sell, 100, 1)
        #expect(BookFixture.fills(f.limit(2, .buy, 100, 1)).isEmpty)
        #expect(f.book.restingOrderCount == 2)
    }

    @Test func priceBandStopsMatchingAtItsEdge() throws {
        var f = try BookFixture()
        f.limit(1, .sell, 100, 1)
        f.limit(2, .sell, 106, 1)
        f.book.priceBand = PriceBand(lower: 95, upper: 105)
        let events = f.limit(3, .buy, 110, 3, tif: .immediateOrCancel)
        #expect(BookFixture.fills(events) == [[1, 3, 100, 1]])
        #expect(events.contains(.priceBandReached(orderID: 3, side: .buy, price: 106)))
        #expect(BookFixture.cancels(events).map(\.reason) == [.priceBand])
        #expect(BookFixture.cancels(f.limit(4, .buy, 110, 1, tif: .fillOrKill)).map(\.reason) == [.fillOrKill])
        f.limit(5, .buy, 110, 1)
        #expect(f.book.order(5)?.remaining == 1)  // rests; the session engine halts on the band event
    }
}
