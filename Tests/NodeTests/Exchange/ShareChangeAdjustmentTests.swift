import Testing
import Matching
@testable import Node

/// Resting orders across a split: price ÷ k to the tick in the owner's favour, quantity
/// × k to the lot, the rounding remainder cancelled with its escrow, the epoch advanced.
@Suite("Exchange: split adjustment of resting orders")
struct ShareChangeAdjustmentTests {
    typealias B = MarketBench
    static let market: UInt32 = 2
    static let t0 = B.monday + 22 * 3600

    /// Sets AAPL's multiplier as the corporate-actions engine would when the change takes effect.
    static func setMultiplier(_ bench: inout MarketBench, _ multiplier: UInt128) {
        var token = bench.state.token(B.aapl)!
        token.multiplier = multiplier
        bench.state.setToken(B.aapl, token)
    }

    @Test func twoForOneSplitTakingEffectAdjustsTheBook() throws {
        var bench = B()
        _ = try bench.block(at: Self.t0, [
            (0, B.place(Self.market, .buy, "190.01", "10")), (1, B.place(Self.market, .sell, "200.01", "3.001")),
            (0, B.place(Self.market, .buy, "150.00", "2", display: "1")),
        ])
        let usdBefore = bench.free(0, B.usd)
        // The issuer schedules a 2-for-1 split; the first block at or after its time applies it.
        _ = try bench.state.scheduleMultiplierChange(
            caller: ChainFixture.genesis.roles.issuer, token: B.aapl, newMultiplier: 2 * MarketDefinition.shareUnit,
            effectiveAt: Self.t0 + 10, nonce: 1, prior: MarketDefinition.shareUnit, block: BlockContext(number: 2, timestamp: Self.t0 + 1))
        _ = bench.state.takeDirtyKeys()
        #expect(bench.state.multiplierEpoch(of: B.aapl) == 0)
        let stale = try bench.block(at: Self.t0 + 11, [(0, B.place(Self.market, .buy, "90.00", "1", epoch: 0))])
        #expect(bench.state.multiplierEpoch(of: B.aapl) == 1)
        let book = bench.market(Self.market).session.book
        // 190.01 / 2 = 95.005: a bid rounds down to 95.00; 200.01 / 2 = 100.005: an ask rounds up to 100.01.
        #expect(book.order(1)?.price == 95_000_000 && book.order(1)?.remaining == 20_000)
        #expect(book.order(2)?.price == 100_010_000 && book.order(2)?.remaining == 6_002)
        #expect(book.order(3)?.price == 75_000_000 && book.order(3)?.remaining == 4_000 && book.order(3)?.displayQuantity == 2_000)
        // Priority is kept: the two bids in their old order.
        #expect(book.restingOrders(on: .buy).map(\.id) == [1, 3])
        // Bid escrow shrinks to the new notional plus fee: 1900.00 + 0.57, and 300.00 + 0.09.
        let lock1 = bench.state.exchangeOrders[ExchangeOrderKey(market: Self.market, id: 1)]!.locked
        #expect(lock1 == 1_900_570_000)
        #expect(bench.free(0, B.usd) == usdBefore + (1_900_670_030 - 1_900_570_000))
        // The ask's 3.001 raw shares are now 6.002 shares: nothing to release.
        #expect(bench.state.exchangeOrders[ExchangeOrderKey(market: Self.market, id: 2)]!.locked == 3_001 * B.share / 1_000)
        #expect(bench.market(Self.market).multiplierEpoch == 1)
        // An order priced for the old epoch is refused; the new epoch is accepted.
        #expect(!stale[0].succeeded && stale[0].revertReason.contains("multiplier epoch 0"))
        let fresh = try bench.block(at: Self.t0 + 12, [(0, B.place(Self.market, .buy, "90.00", "1", epoch: 1))])
        #expect(fresh[0].succeeded)
    }

    /// Limit-on-open orders waiting outside the book are re-entered at the new terms, in
    /// their queue order; their escrow is unchanged (a bid's notional and an ask's raw
    /// units are the same), and the opening auction crosses them at the new prices.
    @Test func waitingAuctionOrdersAreAdjustedToo() throws {
        typealias S = MarketSessionChainTests
        var bench = B()
        // 05:00 ET: pre-market; limit-on-open orders wait for the 09:30 auction.
        _ = try bench.block(at: S.utc(10), [
            (1, B.place(S.session, .sell, "189.01", "10", tif: 5)), (0, B.place(S.session, .buy, "191.00", "10", tif: 5)),
        ])
        let escrowedAAPL = bench.totalEscrowed(B.aapl), escrowedUSD = bench.totalEscrowed(B.usd)
        Self.setMultiplier(&bench, 2 * MarketDefinition.shareUnit)
        _ = try bench.state.adjustOrdersForShareChange(asset: B.aapl, numerator: 2, denominator: 1,
                                                       block: BlockContext(number: 9, timestamp: S.utc(11)))
        _ = bench.state.takeDirtyKeys()
        let waiting = bench.market(S.session).session.state.onOpenOrders
        // 189.01 / 2 = 94.505: the ask rounds up to 94.51; 191.00 / 2 = 95.50 exactly.
        #expect(waiting.map(\.id) == [1, 2])
        #expect(waiting.map(\.limitPrice) == [94_510_000, 95_500_000] && waiting.map(\.quantity) == [20_000, 20_000])
        let ask = try #require(bench.state.exchangeOrders[ExchangeOrderKey(market: S.session, id: 1)])
        #expect(ask.price == 94_510_000 && ask.remaining == 20_000)
        #expect(bench.totalEscrowed(B.aapl) == escrowedAAPL && bench.totalEscrowed(B.usd) == escrowedUSD)
        #expect(bench.escrowMatchesOrders)
        // 09:31 ET: the opening auction crosses the 20 shares between them.
        let open = try bench.block(at: S.utc(14, 31), [(0, B.place(S.session, .buy, "50.00", "0.5"))])
        let cross = B.trades(open[0].logs)
        #expect(cross.count == 1 && cross[0].quantity == 20 * B.share)
        #expect((94_510_000...95_500_000).contains(cross[0].price))
    }

    /// Past its auction's entry cut-off (09:28 ET) a waiting order can be neither
    /// cancelled nor re-entered: it keeps its terms, and the adjustment reports nothing of it.
    @Test func aWaitingOrderPastItsCutOffKeepsItsTerms() throws {
        typealias S = MarketSessionChainTests
        var bench = B()
        _ = try bench.block(at: S.utc(10), [(1, B.place(S.session, .sell, "189.01", "10", tif: 5))])
        _ = try bench.block(at: S.utc(14, 29), [(3, B.place(S.allDay, .buy, "100.00", "1"))])
        Self.setMultiplier(&bench, 2 * MarketDefinition.shareUnit)
        let events = try bench.state.adjustOrdersForShareChange(asset: B.aapl, numerator: 2, denominator: 1,
                                                                block: BlockContext(number: 9, timestamp: S.utc(14, 29) + 1))
        #expect(!events.contains { if case .rejected = $0 { true } else { false } })
        let waiting = bench.market(S.session).session.state.onOpenOrders
        #expect(waiting.map(\.limitPrice) == [189_010_000] && waiting.map(\.quantity) == [10_000])
    }

    /// The reference prices move with the split: the 24x7 collar centred on the session
    /// market's 190.00 close is re-centred on 95.00, the close itself restated, so an
    /// order at the new prices trades inside the collar instead of halting the market.
    @Test func referencePricesMoveWithTheSplit() throws {
        typealias S = MarketSessionChainTests
        var bench = try S.sessionDay()
        #expect(bench.market(S.allDay).session.book.priceBand == PriceBand(lower: 180_500_000, upper: 199_500_000))
        _ = try bench.block(at: S.utc(22), [(1, B.place(S.allDay, .sell, "191.00", "1"))])
        Self.setMultiplier(&bench, 2 * MarketDefinition.shareUnit)
        _ = try bench.state.adjustOrdersForShareChange(asset: B.aapl, numerator: 2, denominator: 1,
                                                       block: BlockContext(number: 90, timestamp: S.utc(22, 1)))
        _ = bench.state.takeDirtyKeys()
        #expect(bench.market(S.session).session.state.officialClose == 95_000_000)
        #expect(bench.market(S.allDay).session.state.collar?.reference == 95_000_000)
        #expect(bench.market(S.allDay).appliedReferenceClose == 95_000_000)
        #expect(bench.market(S.allDay).session.book.priceBand == PriceBand(lower: 90_250_000, upper: 99_750_000))
        // The ask re-entered at 95.50 for 2 shares; a bid there trades, and the market stays open.
        let trade = try bench.block(at: S.utc(22, 2), [(0, B.place(S.allDay, .buy, "95.50", "2"))])
        #expect(B.trades(trade[0].logs).map(\.price) == [95_500_000] && B.trades(trade[0].logs).map(\.quantity) == [2 * B.share])
        #expect(bench.market(S.allDay).session.phase == .continuous)
    }

    @Test func threeForTwoCancelsTheRoundingRemainder() throws {
        var bench = B()
        _ = try bench.block(at: Self.t0, [(0, B.place(Self.market, .buy, "100.00", "0.003")), (1, B.place(Self.market, .sell, "120.00", "0.001"))])
        Self.setMultiplier(&bench, 3 * MarketDefinition.shareUnit / 2)
        _ = try bench.state.adjustOrdersForShareChange(
            asset: B.aapl, numerator: 3, denominator: 2, block: BlockContext(number: 9, timestamp: Self.t0 + 1))
        let book = bench.market(Self.market).session.book
        // 3 lots × 1.5 = 4.5: 4 lots rest, half a lot is cancelled; 100 × 2/3 = 66.666… → 66.66.
        #expect(book.order(1)?.remaining == 4 && book.order(1)?.price == 66_660_000)
        let amounts = MarketAmounts(definition: bench.market(Self.market).definition, multiplier: 3 * MarketDefinition.shareUnit / 2)
        #expect(bench.state.exchangeOrders[ExchangeOrderKey(market: Self.market, id: 1)]!.locked == amounts.bidLock(price: 66_660_000, lots: 4))
        // 1 lot × 1.5 = 1 lot; 120 × 2/3 = 80.00 exactly.
        #expect(book.order(2)?.remaining == 1 && book.order(2)?.price == 80_000_000)
        // Escrow equals what the resting orders need, to the unit.
        let needed = bench.state.exchangeOrders.values.filter { $0.side == .buy }.reduce(UInt128(0)) { $0 + $1.locked }
        #expect(bench.totalEscrowed(B.usd) == needed)
    }

    @Test func refusesAZeroRatio() {
        var bench = B()
        #expect(throws: Revert.self) {
            try bench.state.adjustOrdersForShareChange(asset: B.aapl, numerator: 0, denominator: 1, block: BlockContext(number: 1, timestamp: Self.t0))
        }
    }
}
