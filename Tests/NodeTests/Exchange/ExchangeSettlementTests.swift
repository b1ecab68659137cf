import Testing
import Matching
@testable import Node

/// Orders as transactions on the devnet's AAPL 24x7 market: escrow, matching, settlement
/// to the unit with fees, cancels and amends releasing escrow, order types.
@Suite("Exchange: orders, escrow and settlement")
struct ExchangeSettlementTests {
    typealias B = MarketBench
    /// AAPL-24X7 on the devnet.
    static let market: UInt32 = 2
    /// Monday 2026-01-05 22:00 UTC (17:00 ET): the 24x7 market outside regular hours, no collar reference yet.
    static let t0 = B.monday + 22 * 3600
    static let startUSD: UInt128 = 1_000_000_000_000
    static let startAAPL: UInt128 = 1_000 * B.share
    static let exchange = SystemAddress.exchange

    @Test func genesisListsTheDevnetMarkets() {
        let bench = B()
        #expect(bench.state.markets.count == 10)
        #expect(bench.market(1).definition.symbol == "AAPL-XNYS" && bench.market(1).definition.schedule == .xnys)
        #expect(bench.market(2).definition.symbol == "AAPL-24X7" && bench.market(2).definition.referenceMarket == 1)
        #expect(SystemAddress.all.contains(SystemAddress.exchange))
    }

    @Test func placeMatchAndSettleToTheUnit() throws {
        var bench = B()
        // dev1 offers 10 AAPL at 190.00; dev0 bids 4 at 191.00 and takes 4 at 190.00.
        let first = try bench.block(at: Self.t0, [(1, B.place(Self.market, .sell, "190.00", "10", client: 11))])
        #expect(first[0].succeeded && B.names(first[0].logs) == ["OrderAccepted"])
        #expect(bench.free(1, B.aapl) == Self.startAAPL - 10 * B.share)
        #expect(bench.totalEscrowed(B.aapl) == 10 * B.share)

        let second = try bench.block(at: Self.t0 + 1, [(0, B.place(Self.market, .buy, "191.00", "4", client: 12))])
        #expect(second[0].succeeded && B.names(second[0].logs) == ["OrderAccepted", "Trade"])
        let trade = try #require(B.trades(second[0].logs).first)
        #expect(trade.maker == 1 && trade.taker == 2 && trade.price == 190_000_000 && trade.quantity == 4 * B.share)
        let cash: UInt128 = 760_000_000  // 4 × 190.00 USD
        #expect(trade.cash == cash)
        let takerFee = cash * 3 / 10_000, makerFee = cash * 1 / 10_000  // 228,000 and 76,000 cash units
        #expect(bench.free(0, B.usd) == Self.startUSD - cash - takerFee)
        #expect(bench.free(0, B.aapl) == Self.startAAPL + 4 * B.share)
        #expect(bench.free(1, B.usd) == Self.startUSD + cash - makerFee)
        #expect(bench.free(1, B.aapl) == Self.startAAPL - 10 * B.share)
        #expect(bench.free(B.feeAccount, B.usd) == takerFee + makerFee)
        // Escrow holds exactly the 6 shares still offered, and no cash.
        #expect(bench.totalEscrowed(B.aapl) == 6 * B.share)
        #expect(bench.totalEscrowed(B.usd) == 0)
        let resting = try #require(bench.state.exchangeOrders[ExchangeOrderKey(market: Self.market, id: 1)])
        #expect(resting.remaining == 6_000 && resting.locked == 6 * B.share && resting.clientOrderId == 11)
        #expect(bench.state.exchangeOrders[ExchangeOrderKey(market: Self.market, id: 2)] == nil)
        // Supplies are unchanged: settlement only moves tokens.
        for (address, token) in bench.state.tokens {
            #expect(bench.state.accounts.values.reduce(UInt128(0)) { $0 + $1.balance(address) } == token.totalSupply)
        }
    }

    /// Escrow stays in the seller's position: `balanceOf` still counts it, and nothing
    /// that moves or burns a holder's tokens without the holder can reach it (the
    /// orders would have nothing to deliver). Wallet recovery leaves it with the orders.
    @Test func escrowIsTheOwnersButOutOfReach() throws {
        var bench = B()
        _ = try bench.block(at: Self.t0, [(1, B.place(Self.market, .sell, "190.00", "10"))])
        let dev1 = B.address(1), compliance = ChainFixture.genesis.roles.compliance, custodian = ChainFixture.genesis.roles.custodian
        #expect(bench.balance(1, B.aapl) == Self.startAAPL && bench.escrowed(1, B.aapl) == 10 * B.share)
        let reach = Self.startAAPL - 10 * B.share
        #expect(throws: Revert(.amountEscrowed)) {
            var state = bench.state
            _ = try state.forcedTransfer(caller: compliance, token: B.aapl, from: dev1, to: B.address(0), amount: reach + 1,
                                         reason: "court order", time: Self.t0)
        }
        #expect(throws: Revert(.amountEscrowed)) {
            var state = bench.state
            _ = try state.burn(token: B.aapl, caller: custodian, from: dev1, amount: reach + 1)
        }
        // A forced transfer of everything outside the order goes through.
        _ = try bench.state.forcedTransfer(caller: compliance, token: B.aapl, from: dev1, to: B.address(0), amount: reach,
                                           reason: "court order", time: Self.t0)
        #expect(bench.balance(1, B.aapl) == 10 * B.share && bench.free(1, B.aapl) == 0)
        // Recovery moves the free part (none here) and leaves the escrow with the order.
        let replacement = Address(w0: 0, w1: 0, w2: 0xBEEF)
        _ = try bench.state.recoverWallet(caller: compliance, lost: dev1, replacement: replacement, investorId: "DEV-01")
        #expect(bench.balance(1, B.aapl) == 10 * B.share && bench.escrowed(1, B.aapl) == 10 * B.share)
        #expect(bench.state.account(replacement).balance(B.usd) == Self.startUSD)
        // The lost wallet is no longer a verified investor's: the next order that would meet
        // its ask cancels it, and the escrow comes free in the lost wallet, where the
        // compliance role can move it to the replacement.
        let next = try bench.block(at: Self.t0 + 1, [(0, B.place(Self.market, .buy, "190.00", "4"))])
        #expect(B.names(next[0].logs) == ["OrderCancelled", "OrderAccepted"])
        #expect(bench.escrowed(1, B.aapl) == 0 && bench.free(1, B.aapl) == 10 * B.share)
        _ = try bench.state.forcedTransfer(caller: compliance, token: B.aapl, from: dev1, to: replacement, amount: 10 * B.share,
                                           reason: "wallet recovery", time: Self.t0 + 1)
        #expect(bench.state.account(replacement).balance(B.aapl) == 10 * B.share && bench.balance(1, B.aapl) == 0)
    }

    @Test func cancelAndCancelAllReleaseEscrow() throws {
        var bench = B()
        _ = try bench.block(at: Self.t0, [
            (0, B.place(Self.market, .buy, "100.00", "2")), (0, B.place(Self.market, .buy, "99.00", "1.5")),
            (1, B.place(Self.market, .sell, "120.00", "3")),
        ])
        // A bid escrows notional plus the larger (taker) fee: 200 USD + 0.06, 148.50 + 0.04455.
        #expect(bench.free(0, B.usd) == Self.startUSD - 200_060_000 - 148_544_550)
        #expect(bench.totalEscrowed(B.usd) == 200_060_000 + 148_544_550)
        let cancelled = try bench.block(at: Self.t0 + 1, [(0, B.cancel(Self.market, 1)), (1, B.cancelAll(Self.market))])
        #expect(cancelled.allSatisfy { $0.succeeded })
        #expect(B.names(cancelled[0].logs) == ["OrderCancelled"] && B.names(cancelled[1].logs) == ["OrderCancelled"])
        #expect(bench.free(0, B.usd) == Self.startUSD - 148_544_550)
        #expect(bench.free(1, B.aapl) == Self.startAAPL)
        let all = try bench.block(at: Self.t0 + 2, [(0, B.cancelAll(Self.market))])
        #expect(all[0].succeeded)
        #expect(bench.free(0, B.usd) == Self.startUSD && bench.totalEscrowed(B.usd) == 0)
        #expect(bench.state.exchangeOrders.isEmpty && bench.market(Self.market).session.book.restingOrderCount == 0)
        // Someone else's order cannot be cancelled.
        _ = try bench.block(at: Self.t0 + 3, [(1, B.place(Self.market, .sell, "120.00", "1"))])
        let foreign = try bench.block(at: Self.t0 + 4, [(0, B.cancel(Self.market, 4))])
        #expect(!foreign[0].succeeded && foreign[0].revertReason.contains("is not a live order of"))
    }

    @Test func amendEscrowsMoreOrReleases() throws {
        var bench = B()
        _ = try bench.block(at: Self.t0, [(0, B.place(Self.market, .buy, "100.00", "2"))])
        _ = try bench.block(at: Self.t0 + 1, [(0, B.amend(Self.market, 1, price: "110.00", quantity: "3"))])
        // 330 USD + 3 bps.
        #expect(bench.totalEscrowed(B.usd) == 330_099_000)
        #expect(bench.free(0, B.usd) == Self.startUSD - 330_099_000)
        let down = try bench.block(at: Self.t0 + 2, [(0, B.amend(Self.market, 1, quantity: "1"))])
        #expect(B.names(down[0].logs) == ["OrderAmended"])
        #expect(bench.totalEscrowed(B.usd) == 110_033_000)
        #expect(bench.market(Self.market).session.book.order(1)?.remaining == 1_000)
    }

    @Test func immediateOrCancelFillOrKillPostOnlyAndIceberg() throws {
        var bench = B()
        _ = try bench.block(at: Self.t0, [(1, B.place(Self.market, .sell, "50.00", "1")), (1, B.place(Self.market, .sell, "51.00", "1"))])
        // IOC for 3 at 50.50: takes the 1 at 50.00, the rest is cancelled and its escrow returned.
        let ioc = try bench.block(at: Self.t0 + 1, [(0, B.place(Self.market, .buy, "50.50", "3", tif: 3))])
        #expect(B.names(ioc[0].logs) == ["OrderAccepted", "Trade", "OrderCancelled"])
        #expect(bench.free(0, B.usd) == Self.startUSD - 50_000_000 - 15_000)
        #expect(bench.totalEscrowed(B.usd) == 0)
        // FOK for 2 at 52: only 1 is offered, so nothing trades.
        let fok = try bench.block(at: Self.t0 + 2, [(0, B.place(Self.market, .buy, "52.00", "2", tif: 4))])
        #expect(B.names(fok[0].logs) == ["OrderAccepted", "OrderCancelled"])
        #expect(bench.free(0, B.usd) == Self.startUSD - 50_015_000)
        // Post-only that would trade is refused by the book: a log, no state change.
        let post = try bench.block(at: Self.t0 + 3, [(0, B.place(Self.market, .buy, "51.00", "1", flags: 1))])
        #expect(post[0].succeeded && B.names(post[0].logs) == ["OrderRejected"])
        #expect(bench.totalEscrowed(B.usd) == 0 && bench.state.exchangeOrders.count == 1)
        // Iceberg: 5 shown 1 at a time; a taker for 2.5 trades through refreshes.
        _ = try bench.block(at: Self.t0 + 4, [(2, B.place(Self.market, .sell, "49.00", "5", display: "1"))])
        #expect(bench.market(Self.market).session.book.depth(on: .sell).first?.quantity == 5_000)
        let sweep = try bench.block(at: Self.t0 + 5, [(0, B.place(Self.market, .buy, "49.00", "2.5"))])
        #expect(B.trades(sweep[0].logs).map(\.quantity) == [B.share, B.share, B.share / 2])
        let iceberg = try #require(bench.market(Self.market).session.book.order(6))
        #expect(iceberg.remaining == 2_500 && iceberg.displayed == 500)
        #expect(bench.free(2, B.aapl) == Self.startAAPL - 5 * B.share)
        #expect(bench.totalEscrowed(B.aapl) == B.share + 2_500 * B.share / 1_000)
    }
}
