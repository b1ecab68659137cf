import Testing

@testable import Matching

/// Each self-trade prevention mode, decided by the incoming order.
@Suite struct SelfTradePreventionTests {
    /// Owner 7 rests 4 lots at 100 behind another owner's 2 lots; owner 7 then buys 10.
    func scenario(_ mode: SelfTradePrevention) throws -> (BookFixture, [BookEvent]) {
        var f = try BookFixture()
        f.limit(1, .sell, 100, 2, owner: 1)
        f.limit(2, .sell, 100, 4, owner: 7)
        f.limit(3, .sell, 101, 3, owner: 3)
        let events = f.limit(4, .buy, 101, 10, owner: 7, stp: mode)
        return (f, events)
    }

    @Test func cancelNewestCancelsTheIncomingRemainder() throws {
        let (f, events) = try scenario(.cancelNewest)
        #expect(BookFixture.fills(events) == [[1, 4, 100, 2]])
        #expect(BookFixture.cancels(events) == [Cancellation(id: 4, quantity: 8, remaining: 0, reason: .selfTradePrevention)])
        #expect(f.ids(.sell) == [2, 3])
        #expect(f.ids(.buy).isEmpty)
    }

    @Test func cancelOldestCancelsTheRestingOrderAndGoesOn() throws {
        let (f, events) = try scenario(.cancelOldest)
        #expect(BookFixture.fills(events) == [[1, 4, 100, 2], [3, 4, 101, 3]])
        #expect(BookFixture.cancels(events) == [Cancellation(id: 2, quantity: 4, remaining: 0, reason: .selfTradePrevention)])
        #expect(f.book.order(4)?.remaining == 5)
    }

    @Test func cancelBothCancelsEach() throws {
        let (f, events) = try scenario(.cancelBoth)
        #expect(BookFixture.fills(events) == [[1, 4, 100, 2]])
        #expect(BookFixture.cancels(events).map(\.id) == [2, 4])
        #expect(f.ids(.sell) == [3])
        #expect(f.book.restingOrderCount == 1)
    }

    @Test func decrementTakesTheSmallerQuantityOffBoth() throws {
        let (f, events) = try scenario(.decrement)
        #expect(BookFixture.fills(events) == [[1, 4, 100, 2], [3, 4, 101, 3]])
        #expect(
            BookFixture.cancels(events) == [
                Cancellation(id: 2, quantity: 4, remaining: 0, reason: .selfTradePrevention),
                Cancellation(id: 4, quantity: 4, remaining: 4, reason: .selfTradePrevention),
            ])
        #expect(f.book.order(4)?.remaining == 1)
    }

    @Test func decrementLeavesTheLargerRestingOrderSmaller() throws {
        var f = try BookFixture()
        f.limit(1, .sell, 100, 10, owner: 7)
        let events = f.limit(2, .buy, 100, 4, owner: 7, stp: .decrement)
        #expect(BookFixture.fills(events).isEmpty)
        #expect(f.book.order(1)?.remaining == 6)
        #expect(f.book.order(2) == nil)
    }
}
