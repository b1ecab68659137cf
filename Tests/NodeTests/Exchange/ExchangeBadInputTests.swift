import Testing
import Matching
@testable import Node

/// Bad orders revert with a reason a trader can act on and change nothing but the nonce.
@Suite("Exchange: bad inputs")
struct ExchangeBadInputTests {
    typealias B = MarketBench
    static let t0 = B.monday + 22 * 3600

    /// Runs `data` from `account` in a block and expects a revert containing `reason`
    /// with markets, order records and balances as they were.
    static func expectRefused(_ bench: inout MarketBench, from account: Int = 0, _ data: [UInt8], _ reason: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let markets = Self.marketsHash(bench.state)
        let orders = bench.state.exchangeOrders
        let accounts = bench.state.accounts.filter { $0.key != B.address(account) }
        let positions = bench.state.account(B.address(account)).positions
        let receipts = try bench.block(at: bench.market(2).session.state.now.map { UInt64($0 / 1_000_000_000) } ?? t0, [(account, data)])
        #expect(!receipts[0].succeeded, sourceLocation: sourceLocation)
        #expect(receipts[0].revertReason.contains(reason), "\(receipts[0].revertReason)", sourceLocation: sourceLocation)
        #expect(Self.marketsHash(bench.state) == markets, sourceLocation: sourceLocation)
        #expect(bench.state.exchangeOrders == orders, sourceLocation: sourceLocation)
        #expect(bench.state.accounts.filter { $0.key != B.address(account) } == accounts, sourceLocation: sourceLocation)
        #expect(bench.state.account(B.address(account)).positions == positions, sourceLocation: sourceLocation)
    }

    /// One hash over every market's stored value.
    static func marketsHash(_ state: WorldState) -> Bytes32 {
        Keccak256.hash(state.markets.keys.sorted().flatMap { state.encodedValue(.market($0)) ?? [] })
    }

    @Test func refusedOrdersChangeNothing() throws {
        var bench = B()
        _ = try bench.block(at: Self.t0, [(1, B.place(2, .sell, "190.00", "1"))])
        try Self.expectRefused(&bench, B.place(99, .buy, "190.00", "1"), "unknown market 99")
        try Self.expectRefused(&bench, B.place(2, .buy, "190.005", "1"), "is not on the tick 0.01")
        try Self.expectRefused(&bench, B.place(2, .buy, "190.00", "1.0005"), "is not a multiple of the lot 0.001")
        try Self.expectRefused(&bench, B.place(2, .buy, "190.00", "0"), "quantity must be from 0.001")
        try Self.expectRefused(&bench, B.place(2, .buy, "190.00", "200000"), "quantity must be from 0.001 to 100000")
        try Self.expectRefused(&bench, B.place(2, .buy, "190.00", "10000"), "insufficient USD for the order")
        try Self.expectRefused(&bench, B.place(2, .sell, "190.00", "1001"), "insufficient AAPL for the order")
        try Self.expectRefused(&bench, B.place(2, .buy, "190.00", "1", tif: 9), "timeInForce must be")
        try Self.expectRefused(&bench, B.place(2, .buy, "190.00", "1", tif: 3, flags: 1), "post-only and iceberg orders must be able to rest")
        try Self.expectRefused(&bench, B.place(2, .buy, "190.00", "1", display: "2"), "displayQuantity must be a multiple of the lot and below")
        try Self.expectRefused(&bench, B.place(2, .buy, "190.00", "1", flags: 8), "flags:")
        try Self.expectRefused(&bench, from: 10, B.place(2, .buy, "190.00", "1"), "compliance: sender is not a verified investor")
        try Self.expectRefused(&bench, Array(B.place(2, .buy, "190.00", "1").prefix(40)), "invalid calldata for placeOrder")
        try Self.expectRefused(&bench, [0x01, 0x02], "calldata shorter than a selector")
        try Self.expectRefused(&bench, [0xde, 0xad, 0xbe, 0xef], "unknown function selector")
        try Self.expectRefused(&bench, B.cancel(2, 77), "order 77 is not a live order")
        try Self.expectRefused(&bench, B.amend(2, 1, price: "191.00"), "order 1 is not a live order of")
    }

    @Test func frozenCounterpartyIsRefused() throws {
        var bench = B()
        _ = try bench.block(at: Self.t0, [(0, B.place(2, .buy, "100.00", "1"))])
        _ = try bench.state.setFrozen(caller: ChainFixture.genesis.roles.compliance, token: B.aapl, wallet: B.address(1), frozen: true, reason: "court order")
        _ = bench.state.takeDirtyKeys()
        try Self.expectRefused(&bench, from: 1, B.place(2, .sell, "190.00", "1"), "compliance: sender's position in this token is frozen")
    }
}
