import Testing
@testable import Node

@Suite("RPC: equity_getDeposit")
struct DepositRPCTests {
    typealias F = ChainFixture

    @Test func aMintedDepositIsFoundByItsIdAndAnUnknownIdIsNull() async throws {
        let node = try await RPCTestNode.start()
        let depositId = Keccak256.hash(Array("equitychain-deposit:DEP-1".utf8))
        #expect(try await node.result("equity_getDeposit", [.hash(depositId)]) == .null)

        // Dev account 8 holds the devnet's custodian role.
        let mint = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
            chainId: F.genesis.chainId, nonce: 0, maxPriorityFeePerGas: .zero, maxFeePerGas: .zero, gasLimit: 200_000,
            to: F.aapl, value: .zero,
            data: try ShareTokenInterface.mint.encodeCall([.address(F.accounts[1].address), .amount(100 * F.share), .fixedBytes(depositId.bytes)]),
            accessList: [])).sign(with: F.accounts[8].privateKey)
        let receipt = try await node.receipt(try await node.send(mint))
        #expect(receipt["status"] == .string("0x1"))

        let deposit = try await node.result("equity_getDeposit", [.hash(depositId)])
        #expect(deposit["depositId"] == .hash(depositId))
        #expect(deposit["token"] == .address(F.aapl) && deposit["symbol"] == .string("AAPL"))
        #expect(deposit["recipient"] == .address(F.accounts[1].address))
        #expect(deposit["amount"] == .quantity(100 * F.share))
        #expect(deposit["blockNumber"] == receipt["blockNumber"])

        let bad = try await node.request("equity_getDeposit", [.string("0x1234")])
        #expect(bad["error"]?["code"] == .signed(-32602))
        try await node.stop()
    }
}
