import Foundation
import Logging
import Testing
@testable import Node

@Suite("Chain: sequencing, commits, replay")
struct ChainTests {
    typealias F = ChainFixture
    static let logger = Logger(label: "test.chain")
    static let now = ChainFixture.genesis.timestamp + 10

    static func temporaryDirectory() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("equitychain-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func open(_ path: String, _ genesis: Genesis = F.genesis) throws -> Chain {
        try Chain(genesis: genesis, path: path, logger: logger)
    }

    @Test func genesisBlockIsCommittedAndResumed() async throws {
        let path = Self.temporaryDirectory()
        let chain = try Self.open(path)
        let head = await chain.head
        #expect(head.number == 0 && head.parentHash == .zero)
        #expect(head.transactionsRoot == OrderedMerkleRoot.empty)
        await chain.close()
        let again = try Self.open(path)
        #expect(await again.head == head)
        await again.close()
    }

    @Test func sealedBlocksSurviveReopening() async throws {
        let path = Self.temporaryDirectory()
        let chain = try Self.open(path)
        let to = F.accounts[1].address
        var hashes: [Bytes32] = []
        for n in 0..<3 { hashes.append(try await chain.submit(F.transfer(from: 0, nonce: UInt64(n), to: to, amount: F.share), now: Self.now)) }
        // No receipt before the block is committed.
        #expect(try await chain.receipt(transaction: hashes[0]) == nil)
        let sealed = try #require(try await chain.seal(now: Self.now))
        #expect(sealed.block.header.number == 1 && sealed.block.transactions.count == 3)
        #expect(sealed.block.header.timestamp == Self.now)
        #expect(try await chain.seal(now: Self.now + 1) == nil, "no empty blocks by default")
        let root = sealed.block.header.stateRoot
        await chain.close()

        let reopened = try Self.open(path)
        #expect(await reopened.head.hash == sealed.block.header.hash)
        #expect(await reopened.head.stateRoot == root)
        #expect(await reopened.state.account(to).balance(F.aapl) == 1_003 * F.share)
        let receipt = try #require(try await reopened.receipt(transaction: hashes[2]))
        #expect(receipt.succeeded && receipt.transactionIndex == 2 && receipt.logs.count == 1)
        #expect(try await reopened.block(number: 1)?.transactions.map(\.hash) == hashes)
        await reopened.close()
    }

    @Test func poolRulesAndGethMessages() async throws {
        let chain = try Self.open(Self.temporaryDirectory())
        let to = F.accounts[1].address
        let first = F.transfer(from: 0, nonce: 0, to: to, amount: 1)
        try await chain.submit(first, now: Self.now)
        await #expect(throws: TransactionRejection.alreadyKnown) { try await chain.submit(first, now: Self.now) }
        await #expect(throws: TransactionRejection.nonceTooLow(sender: F.accounts[0].address, tx: 0, state: 1)) {
            try await chain.submit(F.transfer(from: 0, nonce: 0, to: to, amount: 2), now: Self.now)
        }
        // A gap: nonce 2 waits until nonce 1 arrives, then both run.
        let later = F.transfer(from: 0, nonce: 2, to: to, amount: 3)
        try await chain.submit(later, now: Self.now)
        #expect(await chain.pendingCount == (open: 1, queued: 1))
        await #expect(throws: TransactionRejection.replacementUnderpriced) {
            try await chain.submit(F.transfer(from: 0, nonce: 2, to: to, amount: 4), now: Self.now)
        }
        // A nonce no account can pass is refused, not queued.
        await #expect(throws: TransactionRejection.nonceMax(sender: F.accounts[0].address, nonce: .max)) {
            try await chain.submit(F.transfer(from: 0, nonce: .max, to: to, amount: 1), now: Self.now)
        }
        try await chain.submit(F.transfer(from: 0, nonce: 1, to: to, amount: 5), now: Self.now)
        #expect(await chain.pendingCount == (open: 3, queued: 0))
        #expect(await chain.state.account(F.accounts[0].address).nonce == 3)
        await #expect(throws: TransactionRejection.contractCreation) {
            let tx = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
                chainId: F.genesis.chainId, nonce: 3, maxPriorityFeePerGas: .zero, maxFeePerGas: .zero, gasLimit: 100_000,
                to: nil, value: .zero, data: [0x60, 0x00], accessList: []))
            try await chain.submit(try F.signer.verify(tx.sign(with: F.accounts[0].privateKey)), now: Self.now)
        }
        await chain.close()
    }

    @Test func refusedCallsLeaveNoTrace() async throws {
        let chain = try Self.open(Self.temporaryDirectory())
        let stranger = Address(w0: 0, w1: 0, w2: 0x5)
        let before = await chain.state.account(F.accounts[0].address)
        await #expect(throws: TransactionRejection.refused(reason: "execution reverted: recipient is not a verified investor")) {
            try await chain.submit(F.transfer(from: 0, nonce: 0, to: stranger, amount: 1), now: Self.now)
        }
        await #expect(throws: TransactionRejection.refused(reason: "execution reverted: insufficient balance")) {
            try await chain.submit(F.transfer(from: 0, nonce: 0, to: F.accounts[1].address, amount: 1_001 * F.share), now: Self.now)
        }
        // Freeze, then the holder's transfer is refused with the freeze reason.
        try await chain.submit(F.call(from: 6, nonce: 0, to: SystemAddress.compliance, ComplianceInterface.freeze,
                                      [.address(F.aapl), .address(F.accounts[0].address), .string("court order")]), now: Self.now)
        await #expect(throws: TransactionRejection.refused(reason: "execution reverted: sender's position in this token is frozen")) {
            try await chain.submit(F.transfer(from: 0, nonce: 0, to: F.accounts[1].address, amount: 1), now: Self.now)
        }
        try await chain.submit(F.call(from: 6, nonce: 1, to: SystemAddress.compliance, ComplianceInterface.pause,
                                      [.address(.zero), .uint(UInt256(1 as UInt64))]), now: Self.now)
        await #expect(throws: TransactionRejection.refused(reason: "execution reverted: transfers are paused on this chain")) {
            try await chain.submit(F.transfer(from: 1, nonce: 0, token: F.usd, to: F.accounts[2].address, amount: 1), now: Self.now)
        }
        let after = await chain.state.account(F.accounts[0].address)
        #expect(after.nonce == before.nonce, "refused transactions do not use a nonce")
        #expect(after.positions.map(\.balance) == before.positions.map(\.balance))
        await chain.close()
    }

    /// Builds three blocks of transfers on a sequencer.
    static func sequence(_ chain: Chain) async throws -> [SealedBlock] {
        var blocks: [SealedBlock] = []
        var nonces = [UInt64](repeating: 0, count: 5)
        for b in 0..<3 {
            for i in 0..<12 {
                let from = (i + b) % 5
                let tx = F.transfer(from: from, nonce: nonces[from], token: i % 2 == 0 ? F.aapl : F.usd,
                                    to: F.accounts[(from + 1) % 5].address, amount: UInt128(i + 1))
                nonces[from] += 1
                try await chain.submit(tx, now: now + UInt64(b))
            }
            blocks.append(try #require(try await chain.seal(now: now + UInt64(b))))
        }
        return blocks
    }

    @Test func twoNodesFedTheSameBlocksReachTheSameState() async throws {
        let sequencer = try Self.open(Self.temporaryDirectory())
        let blocks = try await Self.sequence(sequencer)
        let follower = try Self.open(Self.temporaryDirectory())
        for sealed in blocks {
            let imported = try await follower.importBlock(sealed.block)
            #expect(imported.receipts == sealed.receipts)
        }
        #expect(await follower.head == sequencer.head)
        #expect(await follower.state.accounts == sequencer.state.accounts)
        await sequencer.close()
        await follower.close()
    }

    @Test func tamperedBlocksAreRefusedAndChangeNothing() async throws {
        let sequencer = try Self.open(Self.temporaryDirectory())
        let blocks = try await Self.sequence(sequencer)
        let follower = try Self.open(Self.temporaryDirectory())
        let genesisHead = await follower.head
        let genesisAccounts = await follower.state.accounts

        var badRoot = blocks[0].block
        badRoot.header.stateRoot = Keccak256.hash([1])
        await #expect(throws: BlockImportError.self) { try await follower.importBlock(badRoot) }
        var badGas = blocks[0].block
        badGas.header.gasUsed += 1
        await #expect(throws: BlockImportError.self) { try await follower.importBlock(badGas) }
        await #expect(throws: BlockImportError.self) { try await follower.importBlock(blocks[1].block) }  // not next
        #expect(await follower.head == genesisHead)
        #expect(await follower.state.accounts == genesisAccounts)

        // The genuine blocks still import after the refusals.
        for sealed in blocks { _ = try await follower.importBlock(sealed.block) }
        #expect(await follower.head == sequencer.head)
        await sequencer.close()
        await follower.close()
    }

    @Test func startupRefusesStateThatDoesNotMatchTheHeadRoot() async throws {
        let path = Self.temporaryDirectory()
        let chain = try Self.open(path)
        try await chain.submit(F.transfer(from: 0, nonce: 0, to: F.accounts[1].address, amount: 1), now: Self.now)
        _ = try await chain.seal(now: Self.now)
        await chain.close()
        // Damage one state value behind the node's back.
        let db = try RocksDB(path: path, columnFamilies: ["meta", "blocks", "hashes", "receipts", "txs", "state"])
        var damaged = AccountState(nonce: 99)
        damaged.setPosition(TokenPosition(token: F.aapl, balance: 1))
        try db.put(StateKey.account(F.accounts[0].address).encoded, StateCodec.encode(damaged), in: db.columnFamily("state"))
        db.close()
        #expect(throws: ChainStoreError.self) { try Self.open(path) }
    }

    @Test func aDataDirectoryOfAnotherChainIsRefused() async throws {
        let path = Self.temporaryDirectory()
        try await Self.open(path).close()
        var other = F.genesis
        other.chainId = 4242
        do {
            _ = try Self.open(path, other)
            Issue.record("opened another chain's data")
        } catch let error as ChainStoreError {
            guard case .genesisMismatch = error else { Issue.record("wrong error \(error)"); return }
        }
    }
}
