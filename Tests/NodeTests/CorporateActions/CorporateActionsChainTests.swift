import Logging
import Testing
@testable import Node

/// Corporate actions in real blocks: a sequencer applies record points and
/// multiplier changes at block starts, a follower replaying its blocks reaches the
/// same state root, and reopening the data directory keeps everything.
@Suite("Corporate actions: chain, replay and restart")
struct CorporateActionsChainTests {
    typealias F = ChainFixture
    static let logger = Logger(label: "test.corporate")
    static let t0 = F.genesis.timestamp + 10
    static let issuer = 7, custodian = 8

    /// Blocks: fund the issuer, declare, split, trade, record, pay, claim, push.
    static func sequence(_ chain: Chain) async throws -> [SealedBlock] {
        var blocks: [SealedBlock] = []
        var nonces = [UInt64](repeating: 0, count: 10)
        func submit(_ from: Int, _ to: Address, _ f: ABIFunction, _ args: [ABIValue], at now: UInt64) async throws {
            let tx = F.call(from: from, nonce: nonces[from], to: to, f, args, gas: 400_000)
            nonces[from] += 1
            try await chain.submit(tx, now: now)
        }
        let d = SystemAddress.dividends
        try await submit(custodian, F.usd, ShareTokenInterface.mint,
                         [.address(F.accounts[issuer].address), .amount(100_000 * 1_000_000), .fixedBytes([UInt8](repeating: 1, count: 32))], at: t0)
        try await submit(issuer, d, DividendsInterface.declareDividend,
                         [.address(F.aapl), .amount(250_000), .uint(UInt256(t0 + 20)), .uint(UInt256(t0 + 30))], at: t0)
        try await submit(issuer, d, DividendsInterface.scheduleMultiplierChange,
                         [.address(F.aapl), .amount(3 * F.share), .uint(UInt256(t0 + 10)), .uint(UInt256(UInt64(1))), .amount(F.share)], at: t0)
        blocks.append(try #require(try await chain.seal(now: t0)))
        // After the split: 300 post-split shares are 100 pre-split shares.
        try await submit(0, F.aapl, ERC20.transfer, [.address(F.accounts[1].address), .amount(300 * F.share)], at: t0 + 10)
        blocks.append(try #require(try await chain.seal(now: t0 + 10)))
        // The record point is applied when this block opens; the transfer comes after it.
        try await submit(1, F.aapl, ERC20.transfer, [.address(F.accounts[2].address), .amount(300 * F.share)], at: t0 + 20)
        blocks.append(try #require(try await chain.seal(now: t0 + 20)))
        try await submit(3, d, DividendsInterface.claimDividend, [.uint(UInt256(UInt64(1)))], at: t0 + 30)
        try await submit(custodian, d, DividendsInterface.pushDividend,
                         [.uint(UInt256(UInt64(1))), .array([F.accounts[0].address, F.accounts[1].address].map(ABIValue.address))], at: t0 + 30)
        blocks.append(try #require(try await chain.seal(now: t0 + 30)))
        return blocks
    }

    /// The orders a split adjusts are logged with the change: `MultiplierChanged`, then
    /// each order's `OrderCancelled` and `OrderAccepted` at its new terms, leading the
    /// first receipt of the block that applied it, on the sequencer and on replay.
    @Test func aSplitLogsTheOrdersItAdjusts() async throws {
        let chain = try Chain(genesis: F.genesis, path: ChainTests.temporaryDirectory(), logger: Self.logger)
        var nonces = [UInt64](repeating: 0, count: 10)
        func submit(_ from: Int, _ to: Address, _ f: ABIFunction, _ args: [ABIValue], at now: UInt64) async throws {
            let tx = F.call(from: from, nonce: nonces[from], to: to, f, args, gas: 400_000)
            nonces[from] += 1
            try await chain.submit(tx, now: now)
        }
        // dev1 rests an ask for 3 AAPL at 190.00 on the 24x7 market; the issuer schedules a 2-for-1 split.
        try await submit(1, SystemAddress.exchange, ExchangeInterface.placeOrder, [
            .uint(UInt256(UInt64(2))), .uint(UInt256(UInt64(1))), .uint(UInt256(UInt64(190_000_000))), .amount(3 * F.share),
            .uint(UInt256(UInt64(0))), .uint(UInt256(UInt64(0))), .amount(0), .uint(UInt256(UInt64(0))), .uint(UInt256(UInt64(5))),
        ], at: Self.t0)
        try await submit(Self.issuer, SystemAddress.dividends, DividendsInterface.scheduleMultiplierChange,
                         [.address(F.aapl), .amount(2 * F.share), .uint(UInt256(Self.t0 + 10)), .uint(UInt256(UInt64(1))), .amount(F.share)],
                         at: Self.t0)
        let first = try #require(try await chain.seal(now: Self.t0))
        #expect(first.receipts.allSatisfy { $0.succeeded })
        try await submit(0, F.aapl, ERC20.transfer, [.address(F.accounts[1].address), .amount(F.share)], at: Self.t0 + 10)
        let second = try #require(try await chain.seal(now: Self.t0 + 10))
        let logs = second.receipts[0].logs
        #expect(logs.map { $0.topics[0] } == [DividendsInterface.multiplierChangedEvent.topic, ExchangeInterface.orderCancelledEvent.topic,
                                                ExchangeInterface.orderAcceptedEvent.topic, ERC20.transferEvent.topic])
        let accepted = try ExchangeInterface.orderAcceptedEvent.decodeLog(topics: logs[2].topics, data: logs[2].data)
        // Order 1 again, at 95.00 for 6 shares.
        #expect(accepted[1] == .uint(UInt256(UInt64(1))) && accepted[5] == .uint(UInt256(UInt64(95_000_000))) && accepted[6] == .amount(6 * F.share))
        let follower = try Chain(genesis: F.genesis, path: ChainTests.temporaryDirectory(), logger: Self.logger)
        for sealed in [first, second] { #expect(try await follower.importBlock(sealed.block).receipts == sealed.receipts) }
        await follower.close()
        await chain.close()
    }

    @Test func followerReplayAndRestartReachTheSameState() async throws {
        let path = ChainTests.temporaryDirectory()
        let sequencer = try Chain(genesis: F.genesis, path: path, logger: Self.logger)
        let blocks = try await Self.sequence(sequencer)
        #expect(blocks.allSatisfy { $0.receipts.allSatisfy(\.succeeded) })
        let state = await sequencer.state
        let dividend = try #require(state.corporate.dividends[1])
        #expect(dividend.isRecorded && dividend.recordedRawSupply == 5_000 * F.share)
        #expect(state.token(F.aapl)?.multiplier == 3 * F.share)
        // dev0 had 900 pre-split shares at the record point, dev1 1,100: $0.25 each.
        #expect(state.corporate.entitlement(dividendId: 1, holder: F.accounts[0].address)?.gross == 225_000_000)
        #expect(state.corporate.entitlement(dividendId: 1, holder: F.accounts[1].address)?.gross == 275_000_000)
        #expect(state.corporate.entitlement(dividendId: 1, holder: F.accounts[3].address)?.withheld == 75_000_000)
        // What each block's start applied leads the receipt of its first transaction.
        let changed = try #require(blocks[1].receipts[0].logs.first)
        #expect(changed.address == SystemAddress.dividends)
        #expect(try DividendsInterface.multiplierChangedEvent.decodeLog(topics: changed.topics, data: changed.data)
                == [.address(F.aapl), .uint(UInt256(UInt64(1))), .amount(F.share), .amount(3 * F.share)])
        let recorded = try #require(blocks[2].receipts[0].logs.first)
        #expect(recorded.address == SystemAddress.dividends)
        #expect(try DividendsInterface.dividendRecordedEvent.decodeLog(topics: recorded.topics, data: recorded.data)
                == [.uint(UInt256(UInt64(1))), .address(F.aapl), .amount(5_000 * F.share), .amount(1_250_000_000), .amount(0)])
        #expect(blocks[0].receipts.allSatisfy { $0.logs.allSatisfy { $0.topics.first != DividendsInterface.dividendRecordedEvent.topic } })
        let claimLogs = blocks[3].receipts[0].logs.filter { $0.address == SystemAddress.dividends }
        #expect(claimLogs.map { $0.topics[0] } == [DividendsInterface.dividendClaimedEvent.topic])

        let follower = try Chain(genesis: F.genesis, path: ChainTests.temporaryDirectory(), logger: Self.logger)
        for sealed in blocks { _ = try await follower.importBlock(sealed.block) }
        #expect(await follower.head == sequencer.head)
        let head = await sequencer.head
        await sequencer.close()
        await follower.close()

        // Reopening rebuilds the tree from the stored leaves and checks the root.
        let reopened = try Chain(genesis: F.genesis, path: path, logger: Self.logger)
        #expect(await reopened.head == head)
        let again = await reopened.state
        #expect(again.corporate.dividends == state.corporate.dividends)
        #expect(again.corporate.entitlements == state.corporate.entitlements)
        #expect(again.corporate.holdings == state.corporate.holdings)
        #expect(again.corporate.assets == state.corporate.assets)
        #expect(again.corporate.multiplierHistory == state.corporate.multiplierHistory)
        #expect(again.corporate.withholding == state.corporate.withholding)
        #expect(again.corporate.schedule == state.corporate.schedule)
        #expect(again.token(F.aapl) == state.token(F.aapl))
        await reopened.close()
    }

    @Test func corporateKeysRoundTripAndSortLikeTheirBytes() {
        let a = Address(w0: 1, w1: 2, w2: 3), b = Address(w0: 0, w1: 0, w2: 9)
        let keys: [StateKey] = [
            .corporate(.dividend(7)), .corporate(.dividend(300)), .corporate(.holding(token: a, holder: b)),
            .corporate(.holding(token: b, holder: a)), .corporate(.entitlement(dividendId: 2, holder: a)),
            .corporate(.entitlement(dividendId: 1, holder: b)), .corporate(.asset(a)), .corporate(.multiplierChange(token: a, nonce: 3)),
            .corporate(.withholding(b)), .corporate(.schedule), .system, .account(a), .redemption(4),
        ]
        for k in keys { #expect(StateKey(encoded: k.encoded) == k) }
        let byBytes = keys.sorted { $0.encoded.lexicographicallyPrecedes($1.encoded) }
        #expect(keys.sorted() == byBytes)
        #expect(Set(keys.compactMap { k -> UInt8? in if case .corporate = k { return k.encoded[0] } else { return nil } }) == Set<UInt8>(0x09...0x0F))
        #expect(StateKey(encoded: [0x0F, 0]) == nil && StateKey(encoded: [0x09, 1, 2]) == nil)
    }

    @Test func storedValuesDecodeToThemselves() throws {
        let change = MultiplierChange(nonce: 2, prior: F.share, multiplier: F.share / 10, effectiveAt: 99, scheduledInBlock: 4, effectiveInBlock: 5)
        let d = Dividend(id: 3, token: F.aapl, sequence: 1, funder: F.accounts[7].address, amountPerShare: 5, multiplier: F.share,
                         pointsPerRawUnit: 5 * F.share, recordTime: 10, payTime: 20, fundedRawSupply: 7, funded: 0, isRecorded: true,
                         recordedRawSupply: 6, entitled: 1, settledRawSupply: 6, settledGross: 1, paidNet: 1, isReclaimed: true)
        #expect(try StateCodec.decodeDividend(StateCodec.encode(d)) == d)
        #expect(try StateCodec.decodeMultiplierChange(StateCodec.encode(change)) == change)
        let asset = AssetCorporateState(pointsPerRawUnit: 9, dividendIds: [1, 3], recordedCount: 1, multiplierNonce: 1, scheduledMultiplier: change)
        #expect(try StateCodec.decodeAsset(StateCodec.encode(asset)) == asset)
        #expect(try StateCodec.decodeAsset(StateCodec.encode(AssetCorporateState())) == AssetCorporateState())
        let e = DividendEntitlement(gross: 10, isPaid: true, withheld: 3, taxCategory: .nonTreaty, paidAt: 44)
        #expect(try StateCodec.decodeEntitlement(StateCodec.encode(e)) == e)
        let h = DividendHolding(pointsDebt: UInt256(high: 1, low: 2), settledCount: 3)
        #expect(try StateCodec.decodeHolding(StateCodec.encode(h)) == h)
        var schedule = CorporateActionSchedule(nextDividendId: 4)
        schedule.schedule(.multiplier(token: F.aapl), at: 50)
        schedule.schedule(.record(dividendId: 3), at: 20)
        schedule.schedule(.record(dividendId: 2), at: 50)
        #expect(try StateCodec.decodeSchedule(StateCodec.encode(schedule)) == schedule)
        #expect(schedule.takeDue(at: 50) == [.record(dividendId: 3), .multiplier(token: F.aapl), .record(dividendId: 2)])
        #expect(throws: StateCodec.Failure.self) { try StateCodec.decodeDividend([0xC0]) }
        #expect(throws: StateCodec.Failure.self) { try StateCodec.decodeEntitlement(RLPItem.list([.uint(UInt64(1)), .uint(UInt64(2))]).encoded) }
    }
}
