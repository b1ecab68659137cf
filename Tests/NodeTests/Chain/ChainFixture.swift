@testable import Node

/// The devnet's keys and addresses, and a signer of ERC-20 calls, shared by chain tests.
enum ChainFixture {
    static let genesis = Genesis.devnet
    static let accounts = try! DevAccounts.derive(count: 10)
    static let signer = TransactionSigner(chainId: genesis.chainId)
    static let aapl = genesis.assets.first { $0.symbol == "AAPL" }!.address
    static let usd = genesis.cash.address
    static let share: UInt128 = 1_000_000_000_000_000_000
    static let block = BlockContext(number: 1, timestamp: genesis.timestamp + 1)

    /// An EIP-1559 transaction from dev account `from` calling `function` at `to`.
    static func call(
        from: Int, nonce: UInt64, to: Address, _ function: ABIFunction, _ args: [ABIValue], gas: UInt64 = 100_000, value: UInt256 = .zero
    ) -> VerifiedTransaction {
        let tx = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
            chainId: genesis.chainId, nonce: nonce, maxPriorityFeePerGas: .zero, maxFeePerGas: .zero, gasLimit: gas,
            to: to, value: value, data: try! function.encodeCall(args), accessList: []))
        return try! signer.verify(tx.sign(with: accounts[from].privateKey))
    }

    /// An ERC-20 `transfer` of `amount` raw units.
    static func transfer(from: Int, nonce: UInt64, token: Address = aapl, to: Address, amount: UInt128) -> VerifiedTransaction {
        call(from: from, nonce: nonce, to: token, ERC20.transfer, [.address(to), .amount(amount)])
    }
}
