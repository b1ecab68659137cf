import Testing

@testable import Matching

/// Cancel, reduce and amend, and their priority rules.
@Suite struct AmendTests {
    func threeBids() throws -> BookFixture {
        var f = try BookFixture()
        f.limit(1, .buy, 100, 5)
        f.limit(2, .buy, 100, 5)
        f.limit(3, .buy, 100, 5)
        return f
    }

    @Test func quantityDownKeepsPriority() throws {
        var f = try threeBids()
        let events = f.run(.amend(id: 1, price: nil, quantity: 2))
        #expect(events == [.replaced(Replacement(id: 1, price: 100, remaining: 2, displayed: 2, keptPriority: true, cause: .amend))])
        #expect(f.ids(.buy) == [1, 2, 3])
        #expect(f.book.depth(on: .buy).first?.quantity == 12)
    }

    @Test func quantityUpLosesPriority() throws {
        var f = try threeBids()
        f.run(.amend(id: 1, price: nil, quantity: 6))
        #expect(f.ids(.buy) == [2, 3, 1])
    }

    @Test func priceChangeLosesPriorityAndCanTrade() throws {
        var f = try threeBids()
        f.run(.amend(id: 2, price: 99, quantity: nil))
        f.run(.amend(id: 2, price: 100, quantity: nil))
        #expect(f.ids(.buy) == [1, 3, 2])
        f.limit(4, .sell, 102, 3)
        let events = f.run(.amend(id: 3, price: 102, quantity: nil))
        #expect(BookFixture.fills(events) == [[4, 3, 102, 3]])
        #expect(f.book.order(3)?.remaining == 2)
        #expect(f.book.bestBid == 102)
    }

    @Test func unchangedAmendStillLosesPriority() throws {
        var f = try threeBids()
        f.run(.amend(id: 1, price: 100, quantity: 5))
        #expect(f.ids(.buy) == [2, 3, 1])
    }

    @Test func reduceKeepsPriorityAndFullReduceCancels() throws {
        var f = try threeBids()
        let events = f.run(.reduce(id: 1, by: 3))
        #expect(events == [.cancelled(Cancellation(id: 1, quantity: 3, remaining: 2, reason: .requested))])
        #expect(f.ids(.buy) == [1, 2, 3])
        f.run(.reduce(id: 2, by: 9))
        #expect(f.ids(.buy) == [1, 3])
        #expect(BookFixture.rejection(f.run(.reduce(id: 1, by: 0))) == .invalidQuantity)
    }

    @Test func cancelRemovesAndUnknownIsRejected() throws {
        var f = try threeBids()
        #expect(f.run(.cancel(id: 2)) == [.cancelled(Cancellation(id: 2, quantity: 5, remaining: 0, reason: .requested))])
        #expect(f.ids(.buy) == [1, 3])
        #expect(f.run(.cancel(id: 2)) == [.rejected(id: 2, reason: .unknownOrder)])
        #expect(BookFixture.rejection(f.run(.amend(id: 42, price: 1, quantity: nil))) == .unknownOrder)
    }

    @Test func invalidAmendIsRejectedAndChangesNothing() throws {
        var f = try threeBids()
        let before = f.book
        #expect(BookFixture.rejection(f.run(.amend(id: 1, price: 0, quantity: nil))) == .invalidPrice)
        #expect(BookFixture.rejection(f.run(.amend(id: 1, price: nil, quantity: -1))) == .invalidQuantity)
        #expect(f.book == before)
    }

    @Test func postOnlyAmendThatWouldCrossIsRejected() throws {
        var f = try BookFixture()
        f.limit(1, .sell, 101, 1)
        f.limit(2, .buy, 100, 1, postOnly: true)
        #expect(BookFixture.rejection(f.run(.amend(id: 2, price: 101, quantity: nil))) == .postOnlyWouldTrade)
        #expect(f.book.order(2)?.price == 100)
    }
}
