import Foundation
import Logging
import Testing
@testable import Node

/// `Follower.apply`: what a follower does with each feed message, in process (no
/// network): genuine blocks are committed, duplicates dropped, gaps reported, and any
/// message that fails verification halts the follower with its chain unchanged.
@Suite("Follower: applying feed messages")
struct FollowerApplyTests {
    typealias F = ChainFixture

    /// A fresh follower chain on the devnet, with a sequencer endpoint it never calls.
    static func follower() throws -> Follower {
        let chain = try ChainTests.open(ChainTests.temporaryDirectory())
        let endpoint = try SequencerEndpoint(url: "http://127.0.0.1:9")
        return Follower(chain: chain, endpoint: endpoint, broadcast: BlockBroadcast(),
                        status: FollowerStatus(sequencer: endpoint.description, head: 0, metrics: nil), logger: Logger(label: "test"))
    }

    /// The signed messages of three sealed blocks, and the sequencer's final state root.
    static func feed() async throws -> (messages: [[UInt8]], head: BlockHeader) {
        let blocks = try await BlockFeedMessageTests.sealedBlocks()
        return (blocks.map { FeedTampering.signer.message(for: $0.block).encoded }, blocks.last!.block.header)
    }

    @Test func genuineBlocksAreAppliedAndDuplicatesDropped() async throws {
        let (messages, sequencerHead) = try await Self.feed()
        let follower = try Self.follower()
        #expect(try await follower.apply(messages[0]) == .applied(1))
        #expect(try await follower.apply(messages[0]) == .duplicate(1))
        await #expect(throws: FollowerError.self) { try await follower.apply(messages[2]) }  // a gap
        #expect(try await follower.apply(messages[1]) == .applied(2))
        #expect(try await follower.apply(messages[2]) == .applied(3))
        #expect(await follower.chain.head == sequencerHead)
        #expect(follower.status.snapshot.head == 3)
        #expect(follower.status.snapshot.halt == nil)
        await follower.chain.close()
    }

    /// Applies `bad` after block 1 and checks the halt and that nothing changed.
    static func expectHalt(_ bad: [UInt8], at block: UInt64, reason: String, messages: [[UInt8]]) async throws {
        let follower = try Self.follower()
        #expect(try await follower.apply(messages[0]) == .applied(1))
        let head = await follower.chain.head
        let accounts = await follower.chain.state.accounts
        guard case .halted(let halt) = try await follower.apply(bad) else {
            Issue.record("not halted by a message that should fail (\(reason))")
            return
        }
        #expect(halt.block == block)
        #expect(halt.reason.contains(reason), "\(halt.reason)")
        #expect(follower.status.snapshot.halt == halt)
        #expect(follower.status.snapshot.phase == .halted)
        #expect(await follower.chain.head == head)
        #expect(await follower.chain.state.accounts == accounts)
        // Halted: even the genuine next block is not applied any more.
        #expect(try await follower.apply(messages[1]) == .halted(halt))
        #expect(await follower.chain.head == head)
        await follower.chain.close()
    }

    @Test func aTransferAlteredInTransitHaltsAtItsBlock() async throws {
        let (messages, _) = try await Self.feed()
        try await Self.expectHalt(try FeedTampering.alterFirstTransferAmount(messages[1]), at: 2, reason: "transactionsRoot mismatch",
                                  messages: messages)
    }

    @Test func aCatchUpBatchStopsAtTheRefusedBlock() async throws {
        let (messages, _) = try await Self.feed()
        let follower = try Self.follower()
        let halt = try await follower.applyBatch([messages[0], try FeedTampering.alterFirstTransferAmount(messages[1]), messages[2]])
        #expect(halt?.block == 2)
        #expect(halt?.reason.contains("transactionsRoot mismatch") == true)
        #expect(await follower.chain.head.number == 1)
        await follower.chain.close()

        let clean = try Self.follower()
        #expect(try await clean.applyBatch(messages) == nil)
        #expect(try await clean.applyBatch(messages) == nil)  // all already known
        #expect(await clean.chain.head.number == 3)
        await clean.chain.close()
    }

    @Test func aFeedSignedByAnotherKeyHalts() async throws {
        let (messages, _) = try await Self.feed()
        try await Self.expectHalt(try FeedTampering.resign(messages[1], with: F.accounts[0].privateKey), at: 2,
                                  reason: "not by the genesis sequencer", messages: messages)
    }

    @Test func malformedMessagesHaltWithTheirReason() async throws {
        let (messages, _) = try await Self.feed()
        try await Self.expectHalt(Array(messages[1].dropLast(3)), at: 2, reason: "malformed feed message", messages: messages)
        try await Self.expectHalt([0xc0], at: 2, reason: "malformed feed message", messages: messages)
    }

    @Test func aConflictingSignedBlockForAnAppliedNumberHalts() async throws {
        let (messages, _) = try await Self.feed()
        // A different block 1 (another sequencer run, other timestamps) signed by the sequencer key.
        let other = try await BlockFeedMessageTests.sealedBlocks()
        var forged = other[0].block
        forged.header.timestamp += 1000
        let message = FeedTampering.signer.message(for: forged).encoded
        let follower = try Self.follower()
        #expect(try await follower.apply(messages[0]) == .applied(1))
        guard case .halted(let halt) = try await follower.apply(message) else {
            Issue.record("a second, different block 1 was accepted")
            return
        }
        #expect(halt.block == 1)
        #expect(halt.reason.contains("which this node verified with hash"))
        await follower.chain.close()
    }

    @Test func aBlockWhoseStateRootIsWrongHaltsWithTheMismatch() async throws {
        let (messages, _) = try await Self.feed()
        // The sequencer itself signs a header with a wrong state root (a buggy or dishonest sequencer).
        var block = try BlockFeedMessage(encoded: messages[1]).block
        block.header.stateRoot = Keccak256.hash([9])
        try await Self.expectHalt(FeedTampering.signer.message(for: block).encoded, at: 2, reason: "stateRoot mismatch", messages: messages)
    }
}
