import Testing

@testable import Matching

/// Tick tables (the Reg NMS preset) and every order rejection with its reason code.
@Suite struct MarketRulesTests {
    @Test func regNMSTicksArePennyFromOneDollarAndHundredthsOfAPennyBelow() {
        let table = TickTable.regNMS
        #expect(table.isValid(10_000))  // $1.00
        #expect(table.isValid(10_100))  // $1.01
        #expect(!table.isValid(10_050))  // $1.005
        #expect(table.isValid(9_999))  // $0.9999
        #expect(table.isValid(1))  // $0.0001
        #expect(!table.isValid(0))
        #expect(!table.isValid(-100))
        #expect(table.price(below: 10_000) == 9_999)
        #expect(table.price(below: 10_100) == 10_000)
        #expect(table.price(below: 10_150) == 10_100)
        #expect(table.price(above: 9_999) == 10_000)
        #expect(table.price(above: 9_950) == 9_951)
        #expect(table.price(above: 10_000) == 10_100)
        #expect(table.price(below: 1) == nil)
    }

    @Test func invalidTickTablesAndRulesAreRefused() {
        #expect(throws: MarketRulesError.tickTableMustStartAtZero) {
            try TickTable(bands: [.init(start: 5, tick: 1)])
        }
        #expect(throws: MarketRulesError.bandStartOffTick(105)) {
            try TickTable(bands: [.init(start: 0, tick: 10), .init(start: 105, tick: 100)])
        }
        #expect(throws: MarketRulesError.nonPositiveTick(0)) { try TickTable.uniform(tick: 0) }
        #expect(throws: MarketRulesError.minimumAboveMaximum(field: "quantity")) {
            try MarketRules(tickTable: .regNMS, minQuantity: 10, maxQuantity: 5)
        }
    }

    static let rules: MarketRules = {
        // Lots of 1/1000 share, orders in multiples of 10 lots, $1..$10,000 notional.
        do {
            return try MarketRules(
                tickTable: .regNMS, lotsPerShare: 1000, quantityIncrement: 10, minQuantity: 10,
                maxQuantity: 1_000_000, minNotional: 10_000, maxNotional: 100_000_000)
        } catch {
            preconditionFailure("fixed test rules are valid")
        }
    }()

    @Test(arguments: [
        (NewOrder.limit(id: 0, owner: 1, side: .buy, price: 10_000, quantity: 1000), RejectReason.invalidOrderID),
        (.limit(id: 1, owner: 1, side: .buy, price: 10_000, quantity: 0), .invalidQuantity),
        (.limit(id: 1, owner: 1, side: .buy, price: 10_000, quantity: 1005), .quantityNotOnIncrement),
        (.limit(id: 1, owner: 1, side: .buy, price: 10_000_000, quantity: 5), .quantityBelowMinimum),
        (.limit(id: 1, owner: 1, side: .buy, price: 1, quantity: 1_000_010), .quantityAboveMaximum),
        (.limit(id: 1, owner: 1, side: .buy, price: 0, quantity: 1000), .invalidPrice),
        (.limit(id: 1, owner: 1, side: .buy, price: 10_050, quantity: 1000), .priceNotOnTick),
        // 0.5 share at $1.50 = $0.75 < $1.00
        (.limit(id: 1, owner: 1, side: .buy, price: 15_000, quantity: 500), .notionalBelowMinimum),
        // 1000 shares at $20 = $20,000 > $10,000
        (.limit(id: 1, owner: 1, side: .buy, price: 200_000, quantity: 1_000_000), .notionalAboveMaximum),
        (.limit(id: 1, owner: 1, side: .buy, price: 10_000, quantity: 1000, displayQuantity: 1000), .invalidDisplayQuantity),
        (.limit(id: 1, owner: 1, side: .buy, price: 10_000, quantity: 1000, displayQuantity: 15), .invalidDisplayQuantity),
        (.limit(id: 1, owner: 1, side: .buy, price: 10_000, quantity: 1000, timeInForce: .immediateOrCancel, postOnly: true), .invalidCombination),
        (.limit(id: 1, owner: 1, side: .buy, price: 10_000, quantity: 1000, timeInForce: .fillOrKill, displayQuantity: 100), .invalidCombination),
        (NewOrder(id: 1, owner: 1, side: .buy, type: .market, quantity: 1000, postOnly: true), .invalidCombination),
    ])
    func ruleBreakingOrdersAreRejectedWithTheirReason(order: NewOrder, reason: RejectReason) {
        var book = OrderBook(rules: Self.rules)
        var events: [BookEvent] = []
        book.place(order, at: 0, events: &events)
        #expect(events == [.rejected(id: order.id, reason: reason)])
        #expect(book.restingOrderCount == 0)
    }

    @Test func notionalAtTheLimitsIsAccepted() {
        var book = OrderBook(rules: Self.rules)
        var events: [BookEvent] = []
        // exactly $1.00: 0.5 share at $2.00; exactly $10,000: 1000 shares at $10.00
        book.place(.limit(id: 1, owner: 1, side: .buy, price: 20_000, quantity: 500), at: 0, events: &events)
        book.place(.limit(id: 2, owner: 1, side: .buy, price: 100_000, quantity: 1_000_000), at: 0, events: &events)
        #expect(book.restingOrderCount == 2)
    }

    @Test func duplicateIdsAndStateRejections() throws {
        var f = try BookFixture()
        f.limit(1, .buy, 100, 1)
        #expect(BookFixture.rejection(f.limit(1, .buy, 100, 1)) == .duplicateOrderID)
        var events: [BookEvent] = []
        f.book.setTradingState(.halted, events: &events)
        #expect(BookFixture.rejection(f.limit(2, .buy, 100, 1, tif: .immediateOrCancel)) == .notMatching)
        f.book.setTradingState(.closed, events: &events)
        #expect(BookFixture.rejection(f.limit(3, .buy, 100, 1)) == .marketClosed)
        #expect(f.run(.cancel(id: 1)).count == 1)
        #expect(f.book.restingOrderCount == 0)
    }

    @Test func everyRejectReasonExplainsItself() {
        for reason in RejectReason.allCases { #expect(!reason.description.isEmpty) }
    }
}
