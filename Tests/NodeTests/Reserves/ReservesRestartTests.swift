import Foundation
import Logging
import Testing
@testable import Node

/// The latest attestation per asset is part of the committed state: it survives a
/// restart on RocksDB (the reopened state root must equal the head's), and the
/// timestamp rule holds against it afterwards.
@Suite("Reserves contract: across a restart")
struct ReservesRestartTests {
    typealias F = ChainFixture
    typealias R = ReserveFixture
    static let logger = Logger(label: "test.reserves")
    static let now = R.block.timestamp

    @Test func latestAttestationPerAssetSurvivesReopening() async throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("chain")
        let chain = try Chain(genesis: F.genesis, path: path, logger: Self.logger)
        let msft = F.genesis.assets.first { $0.symbol == "MSFT" }!.address
        let first = R.attestation(timestamp: Self.now - 20)
        let latest = R.attestation(reserve: 5_001 * F.share, timestamp: Self.now - 10)
        let other = R.attestation(asset: msft, isin: "US5949181045", statementId: "MT535-0007", timestamp: Self.now - 30)
        _ = try await chain.submit(R.transaction(from: R.relayer, nonce: 0, data: R.calldata(first)), now: Self.now)
        _ = try await chain.submit(R.transaction(from: R.custodian, nonce: 0, data: R.calldata(latest)), now: Self.now)
        _ = try await chain.submit(R.transaction(from: R.relayer, nonce: 1, data: R.calldata(other)), now: Self.now)
        let sealed = try #require(try await chain.seal(now: Self.now))
        #expect(sealed.receipts.allSatisfy { $0.succeeded })
        let before = await chain.reserveAttestations()
        await chain.close()

        let reopened = try Chain(genesis: F.genesis, path: path, logger: Self.logger)
        #expect(await reopened.head.stateRoot == sealed.block.header.stateRoot)
        let after = await reopened.reserveAttestations()
        #expect(after.custodian == F.genesis.roles.custodian)
        #expect(after.attestations.map { $0.posted } == before.attestations.map { $0.posted })
        #expect(after.attestations.map { $0.posted.attestation } == [latest, other], "AAPL then MSFT, by symbol")
        #expect(after.attestations.first?.posted.poster == F.accounts[R.custodian].address)
        #expect(after.attestations.first?.posted.blockNumber == 1)

        // The rule still sees the stored latest: an older one is refused, a newer one accepted.
        let stale = R.attestation(timestamp: Self.now - 15)
        await #expect(throws: TransactionRejection.refused(
            reason: "execution reverted: attestation timestamp \(Self.now - 15) is not after AAPL's latest attestation (\(Self.now - 10))")) {
            try await reopened.submit(R.transaction(from: R.relayer, nonce: 2, data: R.calldata(stale)), now: Self.now + 1)
        }
        let newer = R.attestation(timestamp: Self.now + 1)
        _ = try await reopened.submit(R.transaction(from: R.relayer, nonce: 2, data: R.calldata(newer)), now: Self.now + 1)
        _ = try #require(try await reopened.seal(now: Self.now + 1))
        #expect(await reopened.reserveAttestations(asset: F.aapl).attestations.first?.posted.attestation == newer)
        await reopened.close()
    }

    @Test func followerReplaysAttestationsToTheSameState() async throws {
        let scratch = try ScratchDirectory()
        let sequencer = try Chain(genesis: F.genesis, path: scratch.path("sequencer"), logger: Self.logger)
        _ = try await sequencer.submit(R.transaction(from: R.relayer, nonce: 0, data: R.calldata(R.attestation(timestamp: Self.now))), now: Self.now)
        let sealed = try #require(try await sequencer.seal(now: Self.now))
        #expect(sealed.receipts.first?.succeeded == true)

        // The follower checks the custodian's signature against the chain id too: had it used
        // another, the signer would differ, the call revert and the receipts not match.
        let follower = try Chain(genesis: F.genesis, path: scratch.path("follower"), logger: Self.logger)
        let imported = try await follower.importBlock(sealed.block)
        #expect(imported.receipts == sealed.receipts)
        #expect(await follower.head == sequencer.head)
        #expect(await follower.state.reserveAttestations == sequencer.state.reserveAttestations)
        await sequencer.close()
        await follower.close()
    }
}
