import Foundation
import Testing
@testable import Matching

/// Nanoseconds at a New York wall-clock time on 2026-03-09 (EDT, UTC-4), a Monday.
private func et(_ h: Int, _ m: Int, _ s: Int = 0, day: Int = 9, month: Int = 3, offset: Int = 4) throws -> Int64 {
    let date = try CivilDate(year: 2026, month: month, day: day)
    return (date.daysSinceEpoch * 86_400 + Int64((h + offset) * 3_600 + m * 60 + s)) * 1_000_000_000
}

private let second: Int64 = 1_000_000_000
private let rules = try! MarketRules(tickTable: .regNMS)

private func calendarMarket(luld: LULDParameters? = try! LULDParameters(tier: .tier1)) throws -> MarketSession {
    MarketSession(configuration: try MarketConfiguration(schedule: .calendar(.xnys), luld: luld), rules: rules)
}

private func limit(_ id: UInt64, _ side: Side, _ price: Int64, _ quantity: Int64, _ tif: TimeInForce = .goodTillCancel) -> NewOrder {
    .limit(id: id, owner: id, side: side, price: price, quantity: quantity, timeInForce: tif)
}

private func phases(_ events: [SessionEvent]) -> [SessionPhase] {
    events.compactMap { if case .phaseChanged(let phase) = $0 { return phase } else { return nil } }
}

private func bookEvents(_ events: [SessionEvent]) -> [BookEvent] {
    events.compactMap { if case .book(let event) = $0 { return event } else { return nil } }
}

private func cancellations(_ events: [SessionEvent]) -> [Cancellation] {
    bookEvents(events).compactMap { if case .cancelled(let c) = $0 { return c } else { return nil } }
}

private func executions(_ events: [SessionEvent]) -> [Execution] {
    bookEvents(events).compactMap { if case .executed(let e) = $0 { return e } else { return nil } }
}

private func rejections(_ events: [SessionEvent]) -> [SessionRejectReason] {
    events.compactMap { if case .rejected(_, let reason) = $0 { return reason } else { return nil } }
}

@Suite("Session engine: phases, auctions, cut-offs, DAY expiry")
struct MarketSessionTests {
    @Test("a day's phases: closed, pre-market 04:00, opening auction and continuous 09:30, closing auction and after-hours 16:00, closed 20:00")
    func dayPhases() throws {
        var market = try calendarMarket()
        var events: [SessionEvent] = []
        try market.advance(to: et(3, 0), events: &events)
        #expect(market.phase == .closed)
        #expect(market.book.state == .closed)
        try market.advance(to: et(4, 0), events: &events)
        #expect(market.phase == .preMarket)
        #expect(market.book.state == .continuous)
        events.removeAll()
        try market.advance(to: et(9, 30), events: &events)
        #expect(phases(events) == [.openingAuction, .continuous])
        events.removeAll()
        try market.advance(to: et(16, 0), events: &events)
        #expect(phases(events) == [.closingAuction, .afterHours])
        events.removeAll()
        try market.advance(to: et(20, 0), events: &events)
        #expect(phases(events) == [.closed])
        #expect(market.book.state == .closed)
        // A holiday stays closed all day: 2026-04-03 (Good Friday).
        try market.advance(to: et(10, 0, day: 3, month: 4), events: &events)
        #expect(market.phase == .closed)
    }

    @Test("one long jump runs every boundary in order")
    func longJump() throws {
        var market = try calendarMarket()
        var events: [SessionEvent] = []
        try market.advance(to: et(3, 0), events: &events)
        events.removeAll()
        try market.advance(to: et(3, 0, day: 10), events: &events)
        #expect(phases(events) == [.preMarket, .openingAuction, .continuous, .closingAuction, .afterHours, .closed])
    }

    @Test("MOO/LOO until 09:28, MOC/LOC until 15:50 (12:50 on early closes), none on 24x7 markets")
    func cutoffs() throws {
        var market = try calendarMarket()
        var events: [SessionEvent] = []
        let moo = { (id: UInt64) in AuctionOnlyOrder(id: id, owner: 1, side: .buy, limitPrice: nil, quantity: 10, timing: .onOpen) }
        let moc = { (id: UInt64) in AuctionOnlyOrder(id: id, owner: 1, side: .buy, limitPrice: nil, quantity: 10, timing: .onClose) }
        try market.place(moo(1), at: et(3, 59, 59), events: &events)
        #expect(rejections(events) == [.auctionEntryClosed])             // before the pre-market
        events.removeAll()
        try market.place(moo(2), at: et(9, 27, 59), events: &events)
        #expect(events.contains(.auctionOrderQueued(moo(2))))
        events.removeAll()
        try market.place(moo(3), at: et(9, 28), events: &events)
        #expect(rejections(events) == [.auctionEntryClosed])
        events.removeAll()
        try market.cancel(2, at: et(9, 29), events: &events)              // cancels are cut off too
        #expect(rejections(events) == [.auctionEntryClosed])
        events.removeAll()
        // The venue's own withdrawal is not: it takes a waiting order out after its cut-off.
        var venue = market
        try venue.withdraw(2, at: et(9, 29), events: &events)
        #expect(cancellations(events) == [Cancellation(id: 2, quantity: 10, remaining: 0, reason: .requested)])
        #expect(venue.state.onOpenOrders.isEmpty && market.state.onOpenOrders.map(\.id) == [2])
        events.removeAll()
        try market.place(moc(4), at: et(15, 49, 59), events: &events)
        #expect(events.contains(.auctionOrderQueued(moc(4))))
        try market.cancel(4, at: et(15, 49, 59), events: &events)
        #expect(cancellations(events).filter { $0.reason == .requested }.map(\.id) == [4])
        // The unfilled MOO was cancelled after the opening auction.
        #expect(cancellations(events).contains(Cancellation(id: 2, quantity: 10, remaining: 0, reason: .auctionUnfilled)))
        events.removeAll()
        try market.place(moc(5), at: et(15, 50), events: &events)
        #expect(rejections(events) == [.auctionEntryClosed])

        // 2026-11-27 closes at 13:00 EST: MOC cut-off 12:50.
        var early = try calendarMarket()
        events.removeAll()
        try early.place(moc(6), at: et(12, 49, day: 27, month: 11, offset: 5), events: &events)
        try early.place(moc(7), at: et(12, 50, day: 27, month: 11, offset: 5), events: &events)
        #expect(events.contains(.auctionOrderQueued(moc(6))))
        #expect(rejections(events) == [.auctionEntryClosed])

        var always = MarketSession(
            configuration: try MarketConfiguration(schedule: .alwaysOpen(exchange: .xnys), luld: nil), rules: rules)
        events.removeAll()
        try always.place(moo(8), at: et(9, 0), events: &events)
        #expect(rejections(events) == [.noAuctionScheduled])
        // A bad auction-only order gets the book's reason.
        var fresh = try calendarMarket()
        events.removeAll()
        try fresh.place(AuctionOnlyOrder(id: 9, owner: 1, side: .sell, limitPrice: 100_050, quantity: 10, timing: .onClose),
                         at: et(15, 40), events: &events)
        #expect(bookEvents(events).last == .rejected(id: 9, reason: .priceNotOnTick))
    }

    @Test("opening auction: MOO 80 buys 30 LOO at $9.95 and 50 of 100 at $10.00, one print at $10.00; unfilled LOO cancelled")
    func openingAuction() throws {
        var market = try calendarMarket()
        var events: [SessionEvent] = []
        try market.place(limit(1, .sell, 100_000, 100), at: et(8, 0), events: &events)
        try market.place(limit(2, .buy, 99_000, 50), at: et(8, 0), events: &events)
        try market.place(AuctionOnlyOrder(id: 3, owner: 3, side: .buy, limitPrice: nil, quantity: 80, timing: .onOpen), at: et(9, 0), events: &events)
        try market.place(AuctionOnlyOrder(id: 4, owner: 4, side: .sell, limitPrice: 99_500, quantity: 30, timing: .onOpen), at: et(9, 0), events: &events)
        try market.place(AuctionOnlyOrder(id: 5, owner: 5, side: .buy, limitPrice: 98_000, quantity: 40, timing: .onOpen), at: et(9, 0), events: &events)
        events.removeAll()
        try market.advance(to: et(9, 30), events: &events)
        let fills = executions(events)
        #expect(fills.map(\.price) == [100_000, 100_000])
        #expect(fills.map(\.maker) == [4, 1])
        #expect(fills.map(\.taker) == [3, 3])
        #expect(fills.map(\.quantity) == [30, 50])
        #expect(bookEvents(events).contains(.trade(CrossTrade(price: 100_000, quantity: 80, kind: .opening))))
        #expect(bookEvents(events).contains(.auctionImbalance(AuctionImbalance(
            kind: .opening, indicativePrice: 100_000, pairedQuantity: 80, imbalanceQuantity: 50, imbalanceSide: .sell))))
        #expect(cancellations(events) == [Cancellation(id: 5, quantity: 40, remaining: 0, reason: .auctionUnfilled)])
        #expect(market.book.order(1)?.remaining == 50)
        #expect(market.book.order(2)?.remaining == 50)
        #expect(market.phase == .continuous)
        // LULD starts at the opening price, doubled in the first 15 minutes: Tier 1 10%.
        #expect(events.contains(.priceBandChanged(PriceBand(lower: 90_000, upper: 110_000))))
        events.removeAll()
        try market.advance(to: et(9, 45), events: &events)
        #expect(events.contains(.priceBandChanged(PriceBand(lower: 95_000, upper: 105_000))))
    }

    @Test("imbalance publications during the opening call, at most one per interval")
    func imbalancePublications() throws {
        var market = try calendarMarket()
        var events: [SessionEvent] = []
        try market.place(limit(1, .sell, 100_000, 100), at: et(8, 0), events: &events)
        try market.place(AuctionOnlyOrder(id: 2, owner: 2, side: .buy, limitPrice: nil, quantity: 30, timing: .onOpen), at: et(8, 30), events: &events)
        #expect(!bookEvents(events).contains { if case .auctionImbalance = $0 { true } else { false } })
        events.removeAll()
        try market.advance(to: et(9, 0), events: &events)
        let expected = BookEvent.auctionImbalance(AuctionImbalance(
            kind: .opening, indicativePrice: 100_000, pairedQuantity: 30, imbalanceQuantity: 70, imbalanceSide: .sell))
        #expect(bookEvents(events) == [expected])
        events.removeAll()
        try market.advance(to: et(9, 0) + second / 2, events: &events)
        #expect(events.isEmpty)
        try market.advance(to: et(9, 0, 1), events: &events)
        #expect(bookEvents(events) == [expected])
    }

    @Test("closing auction: MOC against the book at 16:00 sets the official close; LOC remainder cancelled; DAY orders expire at 20:00")
    func closingAuctionAndDayExpiry() throws {
        var market = try calendarMarket(luld: nil)
        var events: [SessionEvent] = []
        try market.place(limit(1, .buy, 101_000, 100, .day), at: et(10, 0), events: &events)
        try market.place(limit(2, .buy, 100_000, 100), at: et(10, 0), events: &events)
        try market.place(AuctionOnlyOrder(id: 3, owner: 3, side: .sell, limitPrice: nil, quantity: 150, timing: .onClose), at: et(15, 0), events: &events)
        try market.place(AuctionOnlyOrder(id: 4, owner: 4, side: .sell, limitPrice: 100_500, quantity: 20, timing: .onClose), at: et(15, 0), events: &events)
        events.removeAll()
        try market.advance(to: et(16, 0), events: &events)
        // B: 100 000 -> 200, 100 500 -> 100, 101 000 -> 100; S: 150, 170, 170. Volume 150/100/100 -> $10.00.
        #expect(bookEvents(events).contains(.trade(CrossTrade(price: 100_000, quantity: 150, kind: .closing))))
        #expect(cancellations(events).contains(Cancellation(id: 4, quantity: 20, remaining: 0, reason: .auctionUnfilled)))
        #expect(market.state.officialClose == 100_000)
        #expect(market.phase == .afterHours)
        #expect(market.book.order(2)?.remaining == 50)
        #expect(market.book.order(1) == nil)
        // A DAY order placed after the close lives until 20:00; the GTC order survives it.
        try market.place(limit(5, .buy, 99_000, 10, .day), at: et(17, 0), events: &events)
        events.removeAll()
        try market.advance(to: et(19, 59, 59), events: &events)
        #expect(market.book.order(5) != nil)
        try market.advance(to: et(20, 0), events: &events)
        #expect(cancellations(events) == [Cancellation(id: 5, quantity: 10, remaining: 0, reason: .sessionEnded)])
        #expect(market.book.order(2)?.remaining == 50)
    }

    @Test("commands must not go back in time, and a refused command changes nothing")
    func timeOrder() throws {
        var market = try calendarMarket()
        var events: [SessionEvent] = []
        try market.advance(to: et(10, 0), events: &events)
        let before = market.state
        #expect(throws: SessionError.timeWentBackwards(time: try et(9, 0), last: try et(10, 0))) {
            try market.place(limit(1, .buy, 100_000, 1), at: try et(9, 0), events: &events)
        }
        #expect(market.state == before)
        #expect(market.book.restingOrderCount == 0)
    }

    @Test("snapshot: a restored market behaves identically; the state round-trips through Codable")
    func snapshots() throws {
        var market = try calendarMarket()
        var events: [SessionEvent] = []
        try market.place(limit(1, .sell, 100_000, 100), at: et(8, 0), events: &events)
        try market.place(AuctionOnlyOrder(id: 2, owner: 2, side: .buy, limitPrice: nil, quantity: 60, timing: .onOpen), at: et(9, 0), events: &events)
        var restored = try MarketSession(configuration: market.configuration, snapshot: market.snapshot())
        let decoded = try JSONDecoder().decode(SessionState.self, from: JSONEncoder().encode(market.state))
        #expect(decoded == market.state)
        var a: [SessionEvent] = [], b: [SessionEvent] = []
        for m in [0, 1] {
            var target = m == 0 ? market : restored
            var out: [SessionEvent] = []
            try target.advance(to: et(9, 30), events: &out)
            try target.place(limit(3, .buy, 100_000, 40), at: et(10, 0), events: &out)
            try target.advance(to: et(20, 0), events: &out)
            if m == 0 { a = out; market = target } else { b = out; restored = target }
        }
        #expect(a == b)
        #expect(!a.isEmpty)
        #expect(market.state == restored.state)
        #expect(market.book.snapshot() == restored.book.snapshot())
    }
}

@Suite("Session engine: LULD limit states, pauses and the 24x7 collar")
struct VolatilitySessionTests {
    /// A market that opened at $10.00 (one LOO pair) and is at 10:00 ET with Tier 1 bands 95 000...105 000.
    private func openedAtTen() throws -> (MarketSession, [SessionEvent]) {
        var market = try calendarMarket()
        var events: [SessionEvent] = []
        try market.place(AuctionOnlyOrder(id: 90, owner: 90, side: .buy, limitPrice: 100_000, quantity: 10, timing: .onOpen), at: et(9, 0), events: &events)
        try market.place(AuctionOnlyOrder(id: 91, owner: 91, side: .sell, limitPrice: 100_000, quantity: 10, timing: .onOpen), at: et(9, 0), events: &events)
        try market.advance(to: et(10, 0), events: &events)
        #expect(market.book.priceBand == PriceBand(lower: 95_000, upper: 105_000))
        return (market, events)
    }

    @Test("trades outside the band do not execute: a market buy stops at an ask beyond the upper band")
    func noTradeOutsideBand() throws {
        var (market, events) = try openedAtTen()
        try market.place(limit(1, .sell, 104_000, 10), at: et(10, 1), events: &events)
        try market.place(limit(2, .sell, 106_000, 10), at: et(10, 1), events: &events)
        events.removeAll()
        try market.place(.market(id: 3, owner: 3, side: .buy, quantity: 20), at: et(10, 2), events: &events)
        #expect(executions(events).map(\.price) == [104_000])
        #expect(bookEvents(events).contains(.priceBandReached(orderID: 3, side: .buy, price: 106_000)))
        #expect(cancellations(events) == [Cancellation(id: 3, quantity: 10, remaining: 0, reason: .priceBand)])
    }

    @Test("limit up for 15 s becomes a 5-minute pause ending in a reopening auction")
    func limitStateToPause() throws {
        var (market, events) = try openedAtTen()
        let t0 = try et(10, 1)
        events.removeAll()
        try market.place(limit(1, .buy, 105_000, 10), at: t0, events: &events)
        #expect(events.contains(.limitStateEntered(LimitState(side: .buy, since: t0))))
        try market.advance(to: t0 + 15 * second - 1, events: &events)
        #expect(market.phase == .continuous)
        events.removeAll()
        try market.advance(to: t0 + 20 * second, events: &events)
        let halt = Halt(reason: .limitStatePause, since: t0 + 15 * second, reopensAt: t0 + 315 * second)
        #expect(events.contains(.halted(halt)))
        #expect(market.phase == .halted)
        #expect(market.book.state == .halted)
        // During the pause orders rest without matching and the reopening imbalance is published.
        try market.place(limit(2, .sell, 104_000, 5), at: t0 + 60 * second, events: &events)
        #expect(executions(events).isEmpty)
        events.removeAll()
        try market.advance(to: t0 + 61 * second, events: &events)
        #expect(bookEvents(events).contains(.auctionImbalance(AuctionImbalance(
            kind: .reopening, indicativePrice: 105_000, pairedQuantity: 5, imbalanceQuantity: 5, imbalanceSide: .buy))))
        events.removeAll()
        try market.advance(to: t0 + 315 * second, events: &events)
        #expect(phases(events) == [.reopeningAuction, .continuous])
        #expect(bookEvents(events).contains(.trade(CrossTrade(price: 105_000, quantity: 5, kind: .reopening))))
        // The reference restarts at the reopening price: 5% of $10.50, rounded to the penny.
        #expect(market.book.priceBand == PriceBand(lower: 99_800, upper: 110_300))
        #expect(market.state.luld?.limitState == nil)
    }

    @Test("a limit state that clears within 15 s does not pause")
    func limitStateClears() throws {
        var (market, events) = try openedAtTen()
        let t0 = try et(10, 1)
        try market.place(limit(1, .buy, 105_000, 10), at: t0, events: &events)
        events.removeAll()
        try market.cancel(1, at: t0 + 5 * second, events: &events)
        #expect(events.contains(.limitStateEnded))
        try market.advance(to: t0 + 60 * second, events: &events)
        #expect(market.phase == .continuous)
        #expect(!events.contains { if case .halted = $0 { true } else { false } })
    }

    @Test("limit down: the offer at the lower band")
    func limitDown() throws {
        var (market, events) = try openedAtTen()
        let t0 = try et(11, 0)
        events.removeAll()
        try market.place(limit(1, .sell, 95_000, 10), at: t0, events: &events)
        #expect(events.contains(.limitStateEntered(LimitState(side: .sell, since: t0))))
    }

    @Test("24x7: a trade beyond the 5% collar halts the market, which reopens by auction and re-centres")
    func collarHalt() throws {
        var market = MarketSession(
            configuration: try MarketConfiguration(
                schedule: .alwaysOpen(exchange: .xnys), luld: try LULDParameters(tier: .tier1), collar: try OvernightCollar()),
            rules: rules)
        var events: [SessionEvent] = []
        let saturday = try et(12, 0, day: 7, offset: 5)   // 2026-03-07, outside exchange hours
        try market.setOfficialClose(100_000, at: saturday, events: &events)
        #expect(market.phase == .continuous)
        #expect(market.book.priceBand == PriceBand(lower: 95_000, upper: 105_000))
        try market.place(limit(1, .sell, 104_000, 10), at: saturday, events: &events)
        try market.place(limit(2, .sell, 106_000, 10), at: saturday, events: &events)
        events.removeAll()
        try market.place(limit(3, .buy, 107_000, 20), at: saturday + second, events: &events)
        #expect(executions(events).map(\.price) == [104_000])
        #expect(events.contains(.halted(Halt(reason: .collar, since: saturday + second, reopensAt: saturday + 301 * second))))
        #expect(market.phase == .halted)
        #expect(market.book.order(3)?.remaining == 10)
        events.removeAll()
        try market.advance(to: saturday + 301 * second, events: &events)
        // Candidates 104 000 (reference), 106 000, 107 000: volume 0/10/10, balanced -> closest to 104 000.
        #expect(bookEvents(events).contains(.trade(CrossTrade(price: 106_000, quantity: 10, kind: .reopening))))
        #expect(market.phase == .continuous)
        #expect(market.book.priceBand == PriceBand(lower: 100_700, upper: 111_300))

        // Monday 09:30 ET: LULD replaces the collar (doubled, Tier 1: 10% of the last price).
        events.removeAll()
        try market.advance(to: try et(9, 30), events: &events)
        #expect(market.book.priceBand == PriceBand(lower: 95_400, upper: 116_600))
        // 16:00: the official close is the last trade; the collar returns around it.
        try market.advance(to: try et(16, 0), events: &events)
        #expect(market.state.officialClose == 106_000)
        #expect(market.book.priceBand == PriceBand(lower: 100_700, upper: 111_300))
    }
}
