import Testing

@testable import Matching

/// Limit and market orders, time in force, post-only and icebergs.
@Suite struct OrderTypeTests {
    @Test func limitOrderTakesBestPriceThenTimeAtMakerPrices() throws {
        var f = try BookFixture()
        f.limit(1, .sell, 101, 5)
        f.limit(2, .sell, 100, 3)
        f.limit(3, .sell, 100, 4)
        let events = f.limit(4, .buy, 101, 10)
        #expect(BookFixture.fills(events) == [[2, 4, 100, 3], [3, 4, 100, 4], [1, 4, 101, 3]])
        #expect(f.ids(.sell) == [1])
        #expect(f.book.order(1)?.remaining == 2)
        #expect(f.book.lastTradePrice == 101)
        #expect(f.book.bestBid == nil)
    }

    @Test func limitRemainderRestsAtItsPriceBehindEarlierOrders() throws {
        var f = try BookFixture()
        f.limit(1, .buy, 99, 5)
        f.limit(2, .sell, 100, 2)
        f.limit(3, .buy, 100, 5)
        f.limit(4, .buy, 100, 1)
        #expect(f.ids(.buy) == [3, 4, 1])
        #expect(f.book.order(3)?.remaining == 3)
        #expect(f.book.bestBid == 100)
        #expect(f.book.depth(on: .buy).map(\.quantity) == [4, 5])
    }

    @Test func marketOrderSweepsAndCancelsWhatIsLeft() throws {
        var f = try BookFixture()
        f.limit(1, .buy, 100, 2)
        f.limit(2, .buy, 98, 2)
        let events = f.market(3, .sell, 6)
        #expect(BookFixture.fills(events) == [[1, 3, 100, 2], [2, 3, 98, 2]])
        #expect(BookFixture.cancels(events) == [Cancellation(id: 3, quantity: 2, remaining: 0, reason: .noLiquidity)])
        #expect(f.book.restingOrderCount == 0)
    }

    @Test func immediateOrCancelNeverRests() throws {
        var f = try BookFixture()
        f.limit(1, .sell, 100, 2)
        let events = f.limit(2, .buy, 100, 5, tif: .immediateOrCancel)
        #expect(BookFixture.fills(events) == [[1, 2, 100, 2]])
        #expect(BookFixture.cancels(events).map(\.reason) == [.immediateOrCancel])
        #expect(f.book.restingOrderCount == 0)
    }

    @Test func fillOrKillFillsCompletelyOrNotAtAll() throws {
        var f = try BookFixture()
        f.limit(1, .sell, 100, 2)
        f.limit(2, .sell, 101, 2)
        let killed = f.limit(3, .buy, 100, 3, tif: .fillOrKill)
        #expect(BookFixture.fills(killed).isEmpty)
        #expect(BookFixture.cancels(killed) == [Cancellation(id: 3, quantity: 3, remaining: 0, reason: .fillOrKill)])
        #expect(f.book.restingOrderCount == 2)
        let filled = f.limit(4, .buy, 101, 4, tif: .fillOrKill)
        #expect(BookFixture.fills(filled) == [[1, 4, 100, 2], [2, 4, 101, 2]])
        #expect(f.book.restingOrderCount == 0)
    }

    @Test func fillOrKillCountsIcebergReserveButStopsAtOwnOrders() throws {
        var f = try BookFixture()
        f.limit(1, .sell, 100, 10, display: 2)
        let filled = f.limit(2, .buy, 100, 10, tif: .fillOrKill)
        #expect(BookFixture.fills(filled).map { $0[3] }.reduce(0, +) == 10)
        f.limit(3, .sell, 100, 2)
        f.limit(4, .sell, 100, 5, owner: 9)
        f.limit(5, .sell, 100, 5)
        // Only 2 lots rest ahead of owner 9's order.
        let killed = f.limit(6, .buy, 100, 3, owner: 9, tif: .fillOrKill, stp: .cancelOldest)
        #expect(BookFixture.cancels(killed).map(\.reason) == [.fillOrKill])
        #expect(f.ids(.sell) == [3, 4, 5])
    }

    @Test func goodTillDateExpiresAtItsTime() throws {
        var f = try BookFixture()
        #expect(BookFixture.rejection(f.limit(1, .buy, 100, 1, tif: .goodTillDate(expiresAt: 50), at: 50)) == .invalidExpiry)
        f.limit(1, .buy, 100, 1, tif: .goodTillDate(expiresAt: 100), at: 10)
        f.limit(2, .buy, 99, 1, tif: .goodTillDate(expiresAt: 200), at: 10)
        f.limit(3, .buy, 98, 1)
        var events: [BookEvent] = []
        f.book.expireOrders(asOf: 99, events: &events)
        #expect(events.isEmpty)
        f.book.expireOrders(asOf: 200, events: &events)
        #expect(BookFixture.cancels(events).map(\.id) == [1, 2])
        #expect(BookFixture.cancels(events).allSatisfy { $0.reason == .expired })
        #expect(f.ids(.buy) == [3])
    }

    @Test func dayOrdersExpireWhenTheSessionEnds() throws {
        var f = try BookFixture()
        f.limit(1, .sell, 100, 1, tif: .day)
        f.limit(2, .sell, 101, 1)
        f.limit(3, .buy, 90, 1, tif: .day)
        var events: [BookEvent] = []
        f.book.expireDayOrders(events: &events)
        #expect(BookFixture.cancels(events).map(\.id) == [1, 3])
        #expect(BookFixture.cancels(events).allSatisfy { $0.reason == .sessionEnded })
        #expect(f.ids(.sell) == [2])
    }

    @Test func postOnlyIsRejectedWhenTheMarketSaysSo() throws {
        var f = try BookFixture()
        f.limit(1, .sell, 100, 5)
        #expect(BookFixture.rejection(f.limit(2, .buy, 100, 1, postOnly: true)) == .postOnlyWouldTrade)
        #expect(f.book.order(1)?.remaining == 5)
        #expect(BookFixture.rejection(f.limit(3, .buy, 99, 1, postOnly: true)) == nil)
        #expect(f.book.bestBid == 99)
    }

    @Test func postOnlyIsRepricedOneTickAwayUnderRegNMS() throws {
        var f = try BookFixture(rules: MarketRules(tickTable: .regNMS, postOnlyPolicy: .reprice))
        f.limit(1, .sell, 10_000, 1)  // $1.00
        let buy = f.limit(2, .buy, 10_100, 1, postOnly: true)
        #expect(buy.first == .accepted(Acceptance(id: 2, owner: 2, side: .buy, price: 9_999, quantity: 1, repriced: true)))
        #expect(f.book.bestBid == 9_999)
        f.limit(3, .buy, 10_200, 1)
        #expect(f.book.order(3) == nil)  // traded with order 1
        #expect(f.book.bestAsk == nil)
        f.limit(4, .buy, 20_000, 1)
        let sell = f.limit(5, .sell, 10_000, 1, postOnly: true)
        #expect(BookFixture.fills(sell).isEmpty)
        #expect(f.book.order(5)?.price == 20_100)
    }

    @Test func icebergShowsItsSliceAndEachRefreshGoesToTheBackOfTheLevel() throws {
        var f = try BookFixture()
        f.limit(1, .sell, 100, 12, display: 5)
        f.limit(2, .sell, 100, 4)
        #expect(f.book.order(1)?.displayed == 5)
        let events = f.limit(3, .buy, 100, 7)
        #expect(BookFixture.fills(events) == [[1, 3, 100, 5], [2, 3, 100, 2]])
        #expect(
            events.contains(
                .replaced(
                    Replacement(id: 1, price: 100, remaining: 7, displayed: 5, keptPriority: false, cause: .icebergRefresh))))
        #expect(f.ids(.sell) == [2, 1])
        let sweep = f.limit(4, .buy, 100, 20)
        #expect(BookFixture.fills(sweep) == [[2, 4, 100, 2], [1, 4, 100, 5], [1, 4, 100, 2]])
        #expect(f.book.order(4)?.remaining == 11)
    }

    @Test func incomingIcebergTradesInFullAndRestsItsSlice() throws {
        var f = try BookFixture()
        f.limit(1, .sell, 100, 3)
        f.limit(2, .buy, 100, 10, display: 2)
        #expect(f.book.order(2)?.remaining == 7)
        #expect(f.book.order(2)?.displayed == 2)
        #expect(f.book.order(2)?.displayQuantity == 2)
    }
}
