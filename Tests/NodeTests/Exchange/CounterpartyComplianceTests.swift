import Testing
import Matching
@testable import Node

/// Compliance on both sides of a fill: a resting order whose owner may no longer trade
/// is cancelled (reason 100, escrow returned) before an incoming order or an auction
/// could trade with it.
@Suite("Exchange: counterparty compliance")
struct CounterpartyComplianceTests {
    typealias B = MarketBench
    static let t0 = B.monday + 22 * 3600

    @Test func frozenMakerIsCancelledNotTraded() throws {
        var bench = B()
        _ = try bench.block(at: Self.t0, [(1, B.place(2, .sell, "190.00", "2")), (2, B.place(2, .sell, "190.50", "2"))])
        // dev1 is frozen in AAPL after placing: its offer must not trade.
        _ = try bench.state.setFrozen(caller: ChainFixture.genesis.roles.compliance, token: B.aapl, wallet: B.address(1), frozen: true, reason: "court order")
        _ = bench.state.takeDirtyKeys()
        let taken = try bench.block(at: Self.t0 + 1, [(0, B.place(2, .buy, "191.00", "1"))])
        #expect(B.names(taken[0].logs) == ["OrderCancelled", "OrderAccepted", "Trade"])
        let cancelled = try ExchangeInterface.orderCancelledEvent.decodeLog(topics: taken[0].logs[0].topics, data: taken[0].logs[0].data)
        #expect(cancelled[1] == .uint(UInt256(UInt64(1))) && cancelled[6] == .uint(UInt256(UInt64(100))))
        // The fill is with dev2 at 190.50; dev1's escrow is back (frozen, but back in its position).
        #expect(B.trades(taken[0].logs).map(\.maker) == [2] && B.trades(taken[0].logs).map(\.price) == [190_500_000])
        #expect(bench.free(1, B.aapl) == 1_000 * B.share)
        #expect(bench.state.exchangeOrders[ExchangeOrderKey(market: 2, id: 1)] == nil)
    }

    @Test func unverifiedOrderLeavesTheBookBeforeTheOpeningAuction() throws {
        var bench = B()
        let utc = { (h: UInt64, m: UInt64) in B.monday + h * 3600 + m * 60 }
        _ = try bench.block(at: utc(10, 0), [(1, B.place(1, .sell, "189.00", "5", tif: 5)), (0, B.place(1, .buy, "191.00", "5", tif: 5)),
                                            (2, B.place(1, .sell, "192.00", "1"))])
        // dev2's wallet leaves the identity registry before the open: its resting offer is swept
        // out of the book before the opening auction uncrosses it.
        _ = try bench.state.removeWallet(caller: ChainFixture.genesis.roles.compliance, wallet: B.address(2))
        _ = bench.state.takeDirtyKeys()
        let open = try bench.block(at: utc(14, 31), [(3, B.place(1, .buy, "100.00", "1"))])
        let names = B.names(open[0].logs)
        #expect(names.first == "OrderCancelled")
        #expect(bench.market(1).session.book.order(3) == nil)
        #expect(bench.free(2, B.aapl) == 1_000 * B.share)
        #expect(B.trades(open[0].logs).map(\.quantity) == [5 * B.share])
    }

    /// A limit-on-open order waiting outside the book is vetted too: its owner's wallet left
    /// the registry after the entry cut-off (09:28 ET), so the order is withdrawn (reason
    /// 100, escrow released) before the opening auction, which then has nothing to cross.
    @Test func waitingAuctionOrderOfAnOwnerWhoMayNoLongerTradeIsWithdrawn() throws {
        var bench = B()
        let utc = { (h: UInt64, m: UInt64) in B.monday + h * 3600 + m * 60 }
        _ = try bench.block(at: utc(10, 0), [(1, B.place(1, .sell, "189.00", "5", tif: 5)), (0, B.place(1, .buy, "191.00", "5", tif: 5))])
        // 09:29 ET: past the cut-off, when an owner's own cancel is refused.
        _ = try bench.block(at: utc(14, 29), [(3, B.place(2, .buy, "100.00", "1"))])
        _ = try bench.state.removeWallet(caller: ChainFixture.genesis.roles.compliance, wallet: B.address(1))
        _ = bench.state.takeDirtyKeys()
        let open = try bench.block(at: utc(14, 31), [(3, B.place(1, .buy, "100.00", "1"))])
        let cancelled = open[0].logs.filter { $0.topics.first == ExchangeInterface.orderCancelledEvent.topic }
        let withdrawn = try #require(cancelled.first { $0.topics[2] == Bytes32(w0: 0, w1: 0, w2: 0, w3: 1) })
        let fields = try ExchangeInterface.orderCancelledEvent.decodeLog(topics: withdrawn.topics, data: withdrawn.data)
        #expect(fields.last == .uint(UInt256(UInt64(100))))
        #expect(B.trades(open[0].logs).isEmpty)
        #expect(bench.market(1).session.state.onOpenOrders.isEmpty)
        #expect(bench.escrowed(1, B.aapl) == 0 && bench.free(1, B.aapl) == 1_000 * B.share)
    }
}
