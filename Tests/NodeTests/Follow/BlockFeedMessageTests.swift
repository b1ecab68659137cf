import Foundation
import Testing
@testable import Node

/// The signed block feed's wire form, signing digest and verification, on blocks a real
/// devnet sequencer sealed.
@Suite("Block feed messages")
struct BlockFeedMessageTests {
    typealias F = ChainFixture

    /// Three sealed blocks of transfers (a fresh sequencer each time).
    static func sealedBlocks() async throws -> [SealedBlock] {
        let chain = try ChainTests.open(ChainTests.temporaryDirectory())
        let blocks = try await ChainTests.sequence(chain)
        await chain.close()
        return blocks
    }

    @Test func signedDigestIsTheDocumentedBytes() {
        let hash = Keccak256.hash(Array("a block".utf8))
        // rlp([ "EquityChain block feed v1" (25 bytes), 31337, 1, hash ]): a 63-byte payload.
        let expected: [UInt8] = [0xf8, 0x3f, 0x80 + 25] + Array("EquityChain block feed v1".utf8) + [0x82, 0x7a, 0x69, 0x01, 0xa0] + hash.bytes
        #expect(expected.count == 65)
        #expect(BlockFeedMessage.signingDigest(chainId: 31337, number: 1, hash: hash) == Keccak256.hash(expected))
        // Every field is covered.
        #expect(BlockFeedMessage.signingDigest(chainId: 31338, number: 1, hash: hash) != Keccak256.hash(expected))
        #expect(BlockFeedMessage.signingDigest(chainId: 31337, number: 2, hash: hash) != Keccak256.hash(expected))
    }

    @Test func roundTripsAndVerifiesAgainstTheGenesisSequencer() async throws {
        let blocks = try await Self.sealedBlocks()
        for sealed in blocks {
            let message = FeedTampering.signer.message(for: sealed.block)
            let encoded = message.encoded
            let decoded = try BlockFeedMessage(encoded: encoded)
            #expect(decoded == message)
            #expect(decoded.block == sealed.block)
            #expect(decoded.number == sealed.block.header.number)
            #expect(decoded.hash == sealed.block.header.hash)
            try decoded.verify(chainId: F.genesis.chainId, sequencer: F.genesis.sequencer)
            // The documented layout: rlp([chainId, number, hash, block, signature(65)]).
            var outer = RLPReader(encoded)
            var fields = try outer.readList()
            #expect(try fields.readUInt64() == 31337)
            #expect(try fields.readUInt64() == sealed.block.header.number)
            #expect(try fields.readBytes32() == sealed.block.header.hash)
            #expect(Array(try fields.readBytes()) == sealed.block.encoded)
            let signature = Array(try fields.readBytes())
            #expect(signature == message.signature.r.bytes + message.signature.s.bytes + [message.signature.recoveryId])
            #expect(fields.isAtEnd)
            // The stored-form path gives the same bytes.
            #expect(FeedTampering.signer.encodedMessage(header: sealed.block.header, encodedBlock: sealed.block.encoded) == encoded)
        }
    }

    @Test func verificationRefusesOtherChainsHashesAndSigners() async throws {
        let block = try await Self.sealedBlocks()[0].block
        let good = FeedTampering.signer.message(for: block)
        #expect(throws: BlockFeedError.wrongChain(message: 31337, expected: 1)) {
            try good.verify(chainId: 1, sequencer: F.genesis.sequencer)
        }
        // Signed by dev account 0, not the sequencer (account 9).
        let other = try BlockFeedMessage(encoded: FeedTampering.resign(good.encoded, with: F.accounts[0].privateKey))
        #expect(throws: BlockFeedError.wrongSigner(recovered: F.accounts[0].address, sequencer: F.genesis.sequencer)) {
            try other.verify(chainId: F.genesis.chainId, sequencer: F.genesis.sequencer)
        }
        // A hash that is not the header's (signed as such by the real key: still refused).
        let wrongHash = Keccak256.hash([7])
        let signature = FeedTampering.signer.sign(number: block.header.number, hash: wrongHash)
        let lying = try BlockFeedMessage(encoded: BlockFeedMessage.encode(
            chainId: F.genesis.chainId, number: block.header.number, hash: wrongHash, encodedBlock: block.encoded, signature: signature))
        #expect(throws: BlockFeedError.hashMismatch(message: wrongHash, header: block.header.hash)) {
            try lying.verify(chainId: F.genesis.chainId, sequencer: F.genesis.sequencer)
        }
        // A header changed after signing (its hash no longer matches the signed one).
        var altered = block
        altered.header.stateRoot = Keccak256.hash([1])
        let swapped = try BlockFeedMessage(encoded: BlockFeedMessage.encode(
            chainId: F.genesis.chainId, number: block.header.number, hash: altered.header.hash, encodedBlock: altered.encoded,
            signature: good.signature))
        #expect(throws: BlockFeedError.self) { try swapped.verify(chainId: F.genesis.chainId, sequencer: F.genesis.sequencer) }
        // High s (n - s) and a recovery id of 2 are invalid signatures.
        let n = UInt256(bigEndian: Secp256k1.order)!
        let s = n.subtractingReportingOverflow(UInt256(bigEndian: good.signature.s.bytes)!).partialValue
        let highS = Secp256k1.RecoverableSignature(r: good.signature.r, s: Bytes32(bytes: s.bigEndianBytes)!,
                                                   recoveryId: 1 - good.signature.recoveryId)
        let high = BlockFeedMessage(chainId: good.chainId, block: block, encodedBlock: good.encodedBlock, hash: good.hash, signature: highS)
        #expect(throws: BlockFeedError.badSignature(.highS)) { try high.verify(chainId: F.genesis.chainId, sequencer: F.genesis.sequencer) }
        let badId = BlockFeedMessage(chainId: good.chainId, block: block, encodedBlock: good.encodedBlock, hash: good.hash,
                                     signature: .init(r: good.signature.r, s: good.signature.s, recoveryId: 2))
        #expect(throws: BlockFeedError.badSignature(.invalidRecoveryId(2))) {
            try badId.verify(chainId: F.genesis.chainId, sequencer: F.genesis.sequencer)
        }
    }

    @Test func malformedMessagesAreRefusedWithTheirReason() async throws {
        let block = try await Self.sealedBlocks()[0].block
        let good = FeedTampering.signer.message(for: block).encoded
        let signature = [UInt8](repeating: 1, count: 65)
        let cases: [([UInt8], String)] = [
            ([], "malformed feed message"),
            (Array(good.dropLast()), "malformed feed message"),
            (good + [0], "malformed feed message"),
            (RLPItem.list([.uint(31337), .uint(1)]).encoded, "malformed feed message"),
            (RLPItem.list([.uint(31337), .uint(1), .bytes(block.header.hash.bytes), .bytes(block.encoded), .bytes(Array(signature.dropLast()))]).encoded,
             "malformed feed message"),
            (RLPItem.list([.uint(31337), .uint(1), .bytes(block.header.hash.bytes), .bytes([0xc0]), .bytes(signature)]).encoded,
             "malformed feed message"),
            (RLPItem.list([.uint(31337), .uint(1), .bytes(block.header.hash.bytes), .bytes(block.encoded + [0]), .bytes(signature)]).encoded,
             "malformed feed message"),
            (RLPItem.list([.uint(31337), .uint(2), .bytes(block.header.hash.bytes), .bytes(block.encoded), .bytes(signature)]).encoded,
             "feed message says block 2 but carries block 1"),
            (Array("{\"not\":\"rlp\"}".utf8), "malformed feed message"),
        ]
        for (bytes, text) in cases {
            do {
                _ = try BlockFeedMessage(encoded: bytes)
                Issue.record("accepted \(Hex.encode(bytes.prefix(16)))…")
            } catch {
                #expect(error.description.hasPrefix(text), "\(error)")
            }
        }
    }

    @Test func signerRefusesAKeyThatIsNotTheGenesisSequencers() {
        #expect(throws: BlockFeedSignerError(keyAddress: F.accounts[0].address, sequencer: F.genesis.sequencer)) {
            _ = try BlockFeedSigner(key: F.accounts[0].privateKey, genesis: F.genesis)
        }
        #expect(FeedTampering.signer.address == F.genesis.sequencer)
    }

    @Test func rangesStopAt256BlocksAndAtTheHead() async throws {
        var configuration = ChainConfiguration()
        configuration.sealsEmptyBlocks = true
        let chain = try Chain(genesis: F.genesis, path: ChainTests.temporaryDirectory(), configuration: configuration, logger: ChainTests.logger)
        for i in 0..<300 { _ = try await chain.seal(now: F.genesis.timestamp + UInt64(i)) }
        let feed = BlockFeed(chain: chain, signer: FeedTampering.signer)
        let full = try await feed.range(from: 1, count: 1_000)
        #expect(full.head == 300)
        #expect(full.messages.count == Int(BlockFeed.maxRangeCount))
        #expect(try BlockFeedMessage(encoded: full.messages[255]).number == 256)
        let tail = try await feed.range(from: 290, count: 100)
        #expect(try tail.messages.map { try BlockFeedMessage(encoded: $0).number } == Array(290...300))
        #expect(try await feed.range(from: 301, count: 10).messages.isEmpty)
        await chain.close()
    }

    @Test func feedPathsAreRead() {
        #expect(BlockFeed.start(path: "/") == nil)
        #expect(BlockFeed.start(path: "/feeds") == nil)
        #expect(BlockFeed.start(path: "/feed") == .afterHead)
        #expect(BlockFeed.start(path: "/feed?from=12") == .block(12))
        #expect(BlockFeed.start(path: "/feed?from=0x1f") == .block(31))
        if case .invalid? = BlockFeed.start(path: "/feed?from=x") {} else { Issue.record("from=x accepted") }
        if case .invalid? = BlockFeed.start(path: "/feed?to=3") {} else { Issue.record("to=3 accepted") }
        if case .invalid? = BlockFeed.start(path: "/feed?from=-1") {} else { Issue.record("from=-1 accepted") }
    }
}
