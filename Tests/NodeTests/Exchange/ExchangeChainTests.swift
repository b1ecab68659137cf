import Foundation
import Logging
import Testing
import Matching
@testable import Node

/// Books in the state root: a follower replaying the sequencer's blocks computes the
/// same roots and books; a restarted node restores the books exactly.
@Suite("Exchange: determinism and restart")
struct ExchangeChainTests {
    typealias B = MarketBench
    static let logger = Logger(label: "test.exchange")
    static let t0 = B.monday + 22 * 3600

    static func order(_ from: Int, nonce: UInt64, _ data: [UInt8]) -> VerifiedTransaction {
        try! ChainFixture.signer.verify(B.signed(from: from, nonce: nonce, data))
    }

    /// Three blocks of crossing and resting orders on two markets.
    static func blocks() -> [[VerifiedTransaction]] {
        [
            [order(1, nonce: 0, B.place(2, .sell, "190.00", "10")), order(2, nonce: 0, B.place(2, .sell, "190.50", "3", display: "1")),
             order(0, nonce: 0, B.place(4, .buy, "400.00", "1"))],
            [order(0, nonce: 1, B.place(2, .buy, "191.00", "12")), order(3, nonce: 0, B.place(2, .buy, "189.00", "2", tif: 1)),
             order(1, nonce: 1, B.place(4, .sell, "399.00", "0.5"))],
            [order(3, nonce: 1, B.amend(2, 4, price: "189.50")), order(2, nonce: 1, B.place(2, .sell, "195.00", "1", tif: 2, expiry: t0 + 3600))],
        ]
    }

    static func temporaryDirectory() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("equitychain-markets-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func snapshots(_ chain: Chain) async -> [[UInt8]?] {
        let state = await chain.state
        return state.markets.keys.sorted().map { state.encodedValue(.market($0)) }
    }

    @Test func followerReplaysToTheSameRootsAndBooks() async throws {
        let sequencer = try Chain(genesis: ChainFixture.genesis, path: Self.temporaryDirectory(), logger: Self.logger)
        let follower = try Chain(genesis: ChainFixture.genesis, path: Self.temporaryDirectory(), logger: Self.logger)
        var time = Self.t0
        for txs in Self.blocks() {
            for tx in txs { try await sequencer.submit(tx, now: time) }
            let sealed = try #require(try await sequencer.seal(now: time))
            let imported = try await follower.importBlock(sealed.block)
            #expect(imported.receipts == sealed.receipts)
            #expect(await follower.head.stateRoot == sealed.block.header.stateRoot)
            time += 7
        }
        #expect(await Self.snapshots(follower) == Self.snapshots(sequencer))
        let book = await sequencer.state.markets[2]!.session.book
        let replayed = await follower.state.markets[2]!.session.book
        #expect(book.restingOrderCount > 0 && book == replayed)
        let orders = await sequencer.state.exchangeOrders
        #expect(await follower.state.exchangeOrders == orders)
        await sequencer.close()
        await follower.close()
    }

    @Test func restartRestoresBooksExactly() async throws {
        let path = Self.temporaryDirectory()
        let chain = try Chain(genesis: ChainFixture.genesis, path: path, logger: Self.logger)
        var time = Self.t0
        for txs in Self.blocks() {
            for tx in txs { try await chain.submit(tx, now: time) }
            _ = try await chain.seal(now: time)
            time += 7
        }
        let before = await Self.snapshots(chain)
        let orders = await chain.state.exchangeOrders
        let root = await chain.head.stateRoot
        let book = await chain.state.markets[2]!.session.book
        await chain.close()

        let reopened = try Chain(genesis: ChainFixture.genesis, path: path, logger: Self.logger)
        #expect(await reopened.head.stateRoot == root)
        #expect(await Self.snapshots(reopened) == before)
        #expect(await reopened.state.exchangeOrders == orders)
        let restored = await reopened.state.markets[2]!.session.book
        #expect(restored == book && restored.restingOrders(on: .buy) == book.restingOrders(on: .buy))
        #expect(restored.restingOrders(on: .sell) == book.restingOrders(on: .sell))
        // The restored node goes on trading: a buyer lifts what is left of the iceberg at 190.50.
        try await reopened.submit(Self.order(4, nonce: 0, B.place(2, .buy, "190.50", "2")), now: time)
        let sealed = try #require(try await reopened.seal(now: time))
        #expect(B.trades(sealed.receipts[0].logs).map(\.price) == [190_500_000])
        await reopened.close()
    }

    @Test func ethCallLeavesTheBookAsItWas() async throws {
        let chain = try Chain(genesis: ChainFixture.genesis, path: Self.temporaryDirectory(), logger: Self.logger)
        try await chain.submit(Self.order(1, nonce: 0, B.place(2, .sell, "190.00", "10")), now: Self.t0)
        let before = await Self.snapshots(chain)
        let output = try await chain.call(from: B.address(0), to: SystemAddress.exchange, data: B.place(2, .buy, "190.00", "4"), now: Self.t0)
        #expect(try ExchangeInterface.placeOrder.decodeOutput(output) == [.uint(UInt256(UInt64(2)))])
        #expect(await Self.snapshots(chain) == before)
        #expect(await chain.state.account(B.address(0)).balance(B.usd) == 1_000_000_000_000)
        await chain.close()
    }
}
