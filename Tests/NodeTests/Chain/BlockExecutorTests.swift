import Testing
@testable import Node

@Suite("Block execution")
struct BlockExecutorTests {
    typealias F = ChainFixture
    var state = WorldState(genesis: ChainFixture.genesis)

    @Test func devAccountsMatchTheGenesisAddresses() {
        #expect(F.accounts[0].address.checksummed == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        let identities = Set(F.genesis.identities.flatMap(\.wallets))
        #expect(Set(F.accounts.map(\.address)) == identities)
        #expect(F.genesis.roles.compliance == F.accounts[6].address)
        #expect(F.genesis.roles.issuer == F.accounts[7].address && F.genesis.roles.custodian == F.accounts[8].address)
        #expect(F.genesis.sequencer == F.accounts[9].address)
    }

    @Test mutating func signedTransferSucceedsWithAStandardTransferLog() throws {
        let to = F.accounts[1].address
        let tx = F.transfer(from: 0, nonce: 0, to: to, amount: 5 * F.share)
        let receipts = try BlockExecutor.execute([tx], state: &state, block: F.block, gasLimit: F.genesis.gasLimit)
        let r = try #require(receipts.first)
        #expect(r.succeeded && r.revertReason.isEmpty)
        #expect(r.gasUsed == GasSchedule.intrinsic(data: tx.transaction.transaction.data, accessList: []) + GasSchedule.Execution.transfer)
        #expect(r.logs.count == 1)
        let log = r.logs[0]
        #expect(log.address == F.aapl)
        #expect(log.topics.map(\.hex) == [
            "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
            F.accounts[0].address.word.hex, to.word.hex,
        ])
        #expect(log.data == UInt256(5 * F.share).bigEndianBytes)
        #expect(r.bloom.mayContain(F.aapl.bytes) && r.bloom.mayContain(to.word.bytes))
        #expect(!r.bloom.mayContain(F.usd.bytes))
        #expect(state.account(F.accounts[0].address).nonce == 1)
        #expect(state.account(to).balance(F.aapl) == 1_005 * F.share)
    }

    @Test mutating func revertedCallAdvancesTheNonceAndChangesNothingElse() throws {
        let stranger = Address(w0: 0, w1: 0, w2: 0x77)
        let before = state.account(F.accounts[0].address)
        let tx = F.transfer(from: 0, nonce: 0, to: stranger, amount: 1)
        let r = try BlockExecutor.execute([tx], state: &state, block: F.block, gasLimit: F.genesis.gasLimit)[0]
        #expect(!r.succeeded)
        #expect(r.revertReason == TransferRestriction.recipientNotVerified.message)
        #expect(r.logs.isEmpty)
        let after = state.account(F.accounts[0].address)
        #expect(after.nonce == 1 && after.positions == before.positions)
        #expect(state.account(stranger).isEmpty)
    }

    @Test mutating func outOfGasIsStatusZeroAndUsesTheWholeLimit() throws {
        let to = F.accounts[1].address
        let data = try ERC20.transfer.encodeCall([.address(to), .amount(1)])
        let intrinsic = GasSchedule.intrinsic(data: data, accessList: [])
        let tx = F.call(from: 0, nonce: 0, to: F.aapl, ERC20.transfer, [.address(to), .amount(1)], gas: intrinsic + 1)
        let r = try BlockExecutor.execute([tx], state: &state, block: F.block, gasLimit: F.genesis.gasLimit)[0]
        #expect(!r.succeeded && r.gasUsed == intrinsic + 1 && r.revertReason.hasPrefix("out of gas"))
        #expect(state.account(to).balance(F.aapl) == 1_000 * F.share)
    }

    @Test mutating func invalidTransactionsMakeTheBlockInvalid() {
        let to = F.accounts[1].address
        let cases: [(VerifiedTransaction, TransactionRejection)] = [
            (F.transfer(from: 0, nonce: 3, to: to, amount: 1), .nonceTooHigh(sender: F.accounts[0].address, tx: 3, state: 0)),
            (F.call(from: 0, nonce: 0, to: F.aapl, ERC20.transfer, [.address(to), .amount(1)], gas: 21_000),
             .intrinsicGasTooLow(have: 21_000, want: GasSchedule.intrinsic(data: try! ERC20.transfer.encodeCall([.address(to), .amount(1)]), accessList: []))),
            (F.call(from: 0, nonce: 0, to: to, ERC20.totalSupply, [], value: UInt256(1 as UInt64)), .insufficientFunds(value: UInt256(1 as UInt64))),
            (F.transfer(from: 0, nonce: .max, to: to, amount: 1), .nonceMax(sender: F.accounts[0].address, nonce: .max)),
            (F.call(from: 0, nonce: 0, to: to, ERC20.totalSupply, [], gas: F.genesis.gasLimit + 1),
             .exceedsBlockGasLimit(gas: F.genesis.gasLimit + 1, limit: F.genesis.gasLimit)),
        ]
        for (tx, rejection) in cases {
            var copy = state
            #expect(throws: BlockExecutionError.invalidTransaction(index: 0, hash: tx.hash, rejection)) {
                try BlockExecutor.execute([tx], state: &copy, block: F.block, gasLimit: F.genesis.gasLimit)
            }
        }
        // A replayed transaction: nonce too low once the first copy is in.
        let tx = F.transfer(from: 0, nonce: 0, to: to, amount: 1)
        #expect(throws: BlockExecutionError.invalidTransaction(index: 1, hash: tx.hash, .nonceTooLow(sender: F.accounts[0].address, tx: 0, state: 1))) {
            try BlockExecutor.execute([tx, tx], state: &state, block: F.block, gasLimit: F.genesis.gasLimit)
        }
    }

    @Test mutating func viewsAndComplianceCallsThroughCalldata() throws {
        let dev0 = F.accounts[0].address, stranger = Address(w0: 0, w1: 0, w2: 0x99)
        func view(_ f: ABIFunction, _ args: [ABIValue], at: Address = F.aapl) throws -> [ABIValue] {
            var scratch = state
            let out = try CallDispatcher.call(&scratch, sender: dev0, to: at, data: f.encodeCall(args), block: F.block).output
            return try f.decodeOutput(out)
        }
        #expect(try view(ERC20.balanceOf, [.address(dev0)]) == [.amount(1_000 * F.share)])
        #expect(try view(ERC20.decimals, []) == [.uint(UInt256(18 as UInt64))])
        #expect(try view(ERC20.symbol, []) == [.string("AAPL")])
        #expect(try view(ShareTokenInterface.isin, []) == [.string("US0378331005")])
        #expect(try view(ShareTokenInterface.preTransferCheck, [.address(dev0), .address(stranger), .amount(1)])
            == [.uint(UInt256(UInt64(TransferRestriction.recipientNotVerified.rawValue))), .string("recipient is not a verified investor")])
        #expect(try view(ShareTokenInterface.detectTransferRestriction, [.address(dev0), .address(F.accounts[1].address), .amount(1)])
            == [.uint(.zero)])

        // The compliance officer (dev 6) registers the stranger; then the transfer goes through.
        let register = F.call(from: 6, nonce: 0, to: SystemAddress.compliance, ComplianceInterface.registerIdentity,
                              [.address(stranger), .string("NEW-1"), .string("FR"), .uint(UInt256(2_000_000_000 as UInt64)), .uint(UInt256(1 as UInt64))])
        let transfer = F.transfer(from: 0, nonce: 0, to: stranger, amount: F.share)
        let receipts = try BlockExecutor.execute([register, transfer], state: &state, block: F.block, gasLimit: F.genesis.gasLimit)
        #expect(receipts.map(\.succeeded) == [true, true])
        #expect(receipts[1].cumulativeGasUsed == receipts[0].gasUsed + receipts[1].gasUsed)
        #expect(state.identity(of: stranger)?.taxCategory == .treaty)
        #expect(try view(ComplianceInterface.isVerified, [.address(stranger)], at: SystemAddress.compliance) == [.bool(true)])

        // Someone else calling the registry is refused.
        let intruder = F.call(from: 1, nonce: 0, to: SystemAddress.compliance, ComplianceInterface.freeze,
                              [.address(F.aapl), .address(dev0), .string("x")])
        let r = try BlockExecutor.execute([intruder], state: &state, block: F.block, gasLimit: F.genesis.gasLimit)[0]
        #expect(!r.succeeded && r.revertReason == "caller is not the compliance officer")
    }

    @Test mutating func malformedCalldataReverts() throws {
        var scratch = state
        let dev0 = F.accounts[0].address
        #expect(throws: Revert.self) { try CallDispatcher.call(&scratch, sender: dev0, to: F.aapl, data: [0xa9, 0x05, 0x9c, 0xbb, 1], block: F.block) }
        #expect(throws: Revert("calldata shorter than a selector")) { try CallDispatcher.call(&scratch, sender: dev0, to: F.aapl, data: [1, 2], block: F.block) }
        #expect(throws: Revert.self) { try CallDispatcher.call(&scratch, sender: dev0, to: F.aapl, data: [0xde, 0xad, 0xbe, 0xef], block: F.block) }
        // An amount above 128 bits is a clear revert, not a truncation.
        var data = ERC20.transfer.selector.bytes + F.accounts[1].address.word.bytes
        data += UInt256(high: 1, low: 0).bigEndianBytes
        #expect(throws: Revert.self) { try CallDispatcher.call(&scratch, sender: dev0, to: F.aapl, data: data, block: F.block) }
        #expect(scratch.accounts == state.accounts)
    }

    @Test func determinismTwoStatesSameBlocksSameValues() throws {
        var a = WorldState(genesis: F.genesis), b = WorldState(genesis: F.genesis)
        let txs = (0..<20).map { i in F.transfer(from: i % 5, nonce: UInt64(i / 5), to: F.accounts[(i + 1) % 5].address, amount: UInt128(i + 1) * F.share) }
        let ra = try BlockExecutor.execute(txs, state: &a, block: F.block, gasLimit: F.genesis.gasLimit)
        let rb = try BlockExecutor.execute(txs, state: &b, block: F.block, gasLimit: F.genesis.gasLimit)
        #expect(ra == rb)
        let ka = a.takeDirtyKeys(), kb = b.takeDirtyKeys()
        #expect(ka == kb)
        #expect(ka.map { a.encodedValue($0) } == kb.map { b.encodedValue($0) })
    }
}
