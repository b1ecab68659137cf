import Testing
import Matching
@testable import Node

/// Session and 24x7 markets driven by block timestamps: the XNYS day of AAPL-XNYS
/// (pre-market, opening auction, continuous, closing auction, after-hours, DAY expiry)
/// and the AAPL-24X7 overnight collar centred on that close, its halt and reopening.
@Suite("Exchange: sessions and the 24x7 collar in block execution")
struct MarketSessionChainTests {
    typealias B = MarketBench
    static let session: UInt32 = 1
    static let allDay: UInt32 = 2
    static func utc(_ hours: UInt64, _ minutes: UInt64 = 0) -> UInt64 { B.monday + hours * 3600 + minutes * 60 }

    /// Runs AAPL-XNYS through Monday 2026-01-05 up to after-hours; returns the bench.
    static func sessionDay() throws -> MarketBench {
        var bench = B()
        // 03:00 ET: closed, the book refuses the order (a log, nothing escrowed).
        let closed = try bench.block(at: utc(8), [(0, B.place(session, .buy, "190.00", "1"))])
        #expect(closed[0].succeeded && B.names(closed[0].logs) == ["OrderRejected"])
        #expect(bench.market(session).session.phase == .closed)
        #expect(bench.totalEscrowed(B.usd) == 0)

        // 05:00 ET: pre-market. Limit-on-open orders wait; a continuous trade prints 190.00.
        let pre = try bench.block(at: utc(10), [
            (1, B.place(session, .sell, "189.00", "10", tif: 5)), (0, B.place(session, .buy, "191.00", "10", tif: 5)),
            (1, B.place(session, .sell, "190.00", "1")), (0, B.place(session, .buy, "190.00", "1", tif: 3)),
        ])
        #expect(pre.allSatisfy { $0.succeeded })
        #expect(bench.market(session).session.phase == .preMarket)
        #expect(B.trades(pre[3].logs).map(\.price) == [190_000_000])
        #expect(bench.market(session).session.state.onOpenOrders.count == 2)
        #expect(bench.totalEscrowed(B.aapl) == 10 * B.share)

        // 09:31 ET: the opening auction ran at 09:30, before this block's transaction, and
        // its fills are logged first in the block's first receipt.
        let open = try bench.block(at: utc(14, 31), [(0, B.place(session, .buy, "150.00", "0.5"))])
        #expect(B.names(open[0].logs).contains("Auction"))
        let cross = B.trades(open[0].logs)
        #expect(cross.count == 1 && cross[0].price == 190_000_000 && cross[0].quantity == 10 * B.share)
        #expect(bench.market(session).session.phase == .continuous)
        #expect(bench.free(0, B.aapl) == 1_011 * B.share && bench.free(1, B.aapl) == 989 * B.share)
        #expect(bench.totalEscrowed(B.aapl) == 0)

        // 15:40 ET: limit-on-close orders; 16:01 ET: the closing auction printed 2 at the close.
        _ = try bench.block(at: utc(20, 40), [
            (0, B.place(session, .buy, "200.00", "2", tif: 6)), (1, B.place(session, .sell, "180.00", "2", tif: 6)),
        ])
        let close = try bench.block(at: utc(21, 1), [(0, B.place(session, .buy, "100.00", "1", tif: 1))])
        #expect(B.trades(close[0].logs).map(\.quantity) == [2 * B.share])
        #expect(bench.market(session).session.phase == .afterHours)
        #expect(bench.market(session).session.state.officialClose == 190_000_000)
        return bench
    }

    @Test func xnysDayFromPreMarketToClosed() throws {
        var bench = try Self.sessionDay()
        let dayOrder = try #require(bench.state.exchangeOrders.values.first { $0.price == 100_000_000 })
        let escrowed = bench.totalEscrowed(B.usd)
        #expect(escrowed > dayOrder.locked)
        // 20:01 ET: after-hours closed; the DAY order expired and its escrow came back.
        let next = try bench.block(at: Self.utc(25, 1), [(2, B.place(Self.allDay, .buy, "10.00", "1"))])
        #expect(B.names(next[0].logs).contains("OrderCancelled"))
        #expect(bench.market(Self.session).session.phase == .closed)
        #expect(bench.state.exchangeOrders[ExchangeOrderKey(market: Self.session, id: dayOrder.id)] == nil)
        #expect(bench.totalEscrowed(B.usd) == escrowed - dayOrder.locked + 10_003_000)
        // The GTC bid placed after the open still rests.
        #expect(bench.market(Self.session).session.book.bestBid == 150_000_000)
    }

    @Test func collarHaltAndReopeningAuction() throws {
        var bench = try Self.sessionDay()
        // The 24x7 market's collar is centred on AAPL-XNYS's official close: 190 ± 5%.
        #expect(bench.market(Self.allDay).appliedReferenceClose == 190_000_000)
        #expect(bench.market(Self.allDay).session.book.priceBand == PriceBand(lower: 180_500_000, upper: 199_500_000))
        // 17:00 ET: a bid meets an offer beyond the collar: the market halts for five minutes.
        let t = Self.utc(22)
        _ = try bench.block(at: t, [(1, B.place(Self.allDay, .sell, "210.00", "1"))])
        let halt = try bench.block(at: t + 1, [(0, B.place(Self.allDay, .buy, "211.00", "1"))])
        #expect(B.trades(halt[0].logs).isEmpty)
        #expect(bench.market(Self.allDay).session.phase == .halted)
        #expect(bench.market(Self.allDay).session.state.halt?.reason == .collar)
        // The first block after the halt ends: the reopening auction uncrosses, the collar re-centres.
        let reopen = try bench.block(at: t + 302, [(2, B.place(Self.allDay, .buy, "10.00", "1"))])
        #expect(B.names(reopen[0].logs).contains("Auction"))
        #expect(B.trades(reopen[0].logs).map(\.price) == [210_000_000])
        #expect(bench.market(Self.allDay).session.phase == .continuous)
        #expect(bench.market(Self.allDay).session.state.collar?.reference == 210_000_000)
    }

    @Test func pausedAssetHaltsItsMarkets() throws {
        var bench = B()
        let t = B.monday + 22 * 3600
        _ = try bench.block(at: t, [(1, B.place(Self.allDay, .sell, "190.00", "1"))])
        _ = try bench.state.setPaused(caller: ChainFixture.genesis.roles.compliance, token: B.aapl, scope: .transfers, paused: true)
        _ = bench.state.takeDirtyKeys()
        let before = bench.state.encodedValue(.market(Self.allDay))
        let refused = try bench.block(at: t + 1, [(0, B.place(Self.allDay, .buy, "190.00", "1")), (1, B.cancel(Self.allDay, 1))])
        #expect(refused.allSatisfy { !$0.succeeded && $0.revertReason.contains("is halted: transfers of this token are paused") })
        #expect(bench.state.encodedValue(.market(Self.allDay)) == before)
    }
}
