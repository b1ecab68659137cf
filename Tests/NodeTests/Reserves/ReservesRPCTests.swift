import Foundation
import Testing
@testable import Node

/// `equity_getReserves` over real HTTP on loopback, against a running sequencer.
@Suite("RPC: equity_getReserves")
struct ReservesRPCTests {
    typealias F = ChainFixture
    typealias R = ReserveFixture

    @Test func servesTheLatestAttestationWithEverythingToVerifyIt() async throws {
        let node = try await RPCTestNode.start()
        #expect(try await node.result("equity_getReserves") == .array([]))
        #expect(try await node.result("equity_getReserves", [.string("US0378331005")]) == .null)

        // Dated a minute before the wall clock, which the node's blocks follow.
        let a = R.attestation(timestamp: UInt64(Date().timeIntervalSince1970) - 60)
        let relayer = F.accounts[R.relayer].address
        let tx = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
            chainId: F.genesis.chainId, nonce: 0, maxPriorityFeePerGas: .zero, maxFeePerGas: .zero, gasLimit: 200_000,
            to: SystemAddress.reserves, value: .zero, data: R.calldata(a), accessList: [])).sign(with: F.accounts[R.relayer].privateKey)
        let receipt = try await node.receipt(try await node.send(tx))
        #expect(receipt["status"] == .string("0x1"))
        #expect(receipt["logs"]?[0]?["address"] == .address(SystemAddress.reserves))

        let all = try await node.result("equity_getReserves")
        #expect(all.count == 1)
        let r = try #require(all[0])
        let custodian = F.genesis.roles.custodian
        #expect(r["asset"] == .address(F.aapl) && r["symbol"] == .string("AAPL") && r["isin"] == .string("US0378331005"))
        #expect(r["statementId"] == .string(a.statementId) && r["statementSha256"] == .hash(a.statementSHA256))
        #expect(r["settledReserve"] == .quantity(a.settledReserve) && r["settledReserveFormatted"] == .string("5000"))
        #expect(r["onChainSupply"] == .quantity(a.onChainSupply) && r["onChainSupplyFormatted"] == .string("5000"))
        #expect(r["timestamp"] == .quantity(a.timestamp))
        #expect(r["signature"] == .data(R.signature(a).bytes65))
        #expect(r["signer"] == .address(custodian) && r["custodian"] == .address(custodian))
        #expect(r["signerIsCustodian"] == .bool(true) && r["poster"] == .address(relayer))
        #expect(r["blockNumber"] == receipt["blockNumber"])
        #expect(r["blockTimestamp"]?.text?.hasPrefix("0x") == true)
        #expect(r["digest"] == .hash(a.signingDigest(chainId: F.genesis.chainId)))

        // A third party's check: hash the served typed data and recover the served signature.
        let document = try TypedData(try #require(r["typedData"]))
        let signatureText = try #require(r["signature"]?.text)
        let signature = try Secp256k1.RecoverableSignature(bytes65: try #require(Hex.decode(signatureText)))
        #expect(try signature.recoverAddress(digest: document.signingDigest) == custodian)

        // One asset, by address or by ISIN (any case): the same object.
        #expect(try await node.result("equity_getReserves", [.address(F.aapl)]) == r)
        #expect(try await node.result("equity_getReserves", [.string(F.aapl.checksummed)]) == r)
        #expect(try await node.result("equity_getReserves", [.string("us0378331005")]) == r)
        #expect(try await node.result("equity_getReserves", [.string("US5949181045")]) == .null)

        // Bad selectors are parameter errors.
        let unknownISIN = try await node.error("equity_getReserves", [.string("US0000000000")])
        #expect(unknownISIN.code == -32602 && unknownISIN.message.contains("no share token has ISIN US0000000000"))
        let cash = try await node.error("equity_getReserves", [.address(F.usd)])
        #expect(cash.code == -32602 && cash.message.contains("is not a share token"))
        let malformed = try await node.error("equity_getReserves", [.string("0x1234")])
        #expect(malformed.code == -32602)
        #expect(try await node.error("equity_getReserves", [.unsigned(1)]).code == -32602)
        #expect(try await node.error("equity_getReserves", [.address(F.aapl), .address(F.aapl)]).code == -32602)
        try await node.stop()
    }
}
