import Testing
@testable import Node

/// The ledger's token functions and compliance rules, on the devnet genesis.
@Suite("Ledger: tokens and compliance")
struct LedgerTests {
    static let genesis = Genesis.devnet
    static let aapl = genesis.assets.first { $0.symbol == "AAPL" }!.address
    static let usd = genesis.cash.address
    static let share: UInt128 = 1_000_000_000_000_000_000
    static let dev0 = try! Address(hex: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
    static let dev1 = try! Address(hex: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
    static let dev2 = try! Address(hex: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC")  // GB, treaty
    static let stranger = Address(w0: 0, w1: 0, w2: 0xBEEF)
    static let compliance = genesis.roles.compliance
    static let custodian = genesis.roles.custodian
    static let now: UInt64 = 1_767_225_700
    static let block = BlockContext(number: 1, timestamp: now)

    var state = WorldState(genesis: LedgerTests.genesis)

    /// Asserts that `body` reverts with `reason` and leaves every balance as it was.
    mutating func expectRefused(_ reason: String, _ body: (inout WorldState) throws(Revert) -> [LedgerEvent],
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let before = state
        let mark = state.checkpoint()
        do {
            _ = try body(&state)
            Issue.record("expected revert '\(reason)'", sourceLocation: sourceLocation)
        } catch {
            #expect(error.reason == reason, sourceLocation: sourceLocation)
        }
        state.revert(to: mark)
        #expect(state.accounts == before.accounts && state.tokens == before.tokens && state.allowances == before.allowances,
                sourceLocation: sourceLocation)
    }

    @Test func genesisSuppliesMatchBalances() {
        for (address, token) in state.tokens {
            let sum = state.accounts.values.reduce(UInt128(0)) { $0 + $1.balance(address) }
            #expect(sum == token.totalSupply, "\(token.symbol)")
        }
        #expect(state.token(Self.aapl)?.totalSupply == 5_000 * Self.share)
    }

    @Test mutating func transferMovesBalanceAndEmitsTransfer() throws {
        let events = try state.transfer(token: Self.aapl, from: Self.dev0, to: Self.dev1, amount: 10 * Self.share, time: Self.now)
        #expect(events == [.transfer(token: Self.aapl, from: Self.dev0, to: Self.dev1, amount: 10 * Self.share)])
        #expect(state.account(Self.dev0).balance(Self.aapl) == 990 * Self.share)
        #expect(state.account(Self.dev1).balance(Self.aapl) == 1_010 * Self.share)
        #expect(state.token(Self.aapl)?.totalSupply == 5_000 * Self.share)
    }

    @Test mutating func approveAndTransferFrom() throws {
        _ = try state.approve(token: Self.usd, owner: Self.dev0, spender: Self.dev1, amount: 100)
        #expect(state.allowance(AllowanceKey(token: Self.usd, owner: Self.dev0, spender: Self.dev1)) == 100)
        _ = try state.transferFrom(token: Self.usd, spender: Self.dev1, from: Self.dev0, to: Self.dev2, amount: 60, time: Self.now)
        #expect(state.allowance(AllowanceKey(token: Self.usd, owner: Self.dev0, spender: Self.dev1)) == 40)
        expectRefused("insufficient allowance") { s throws(Revert) in
            try s.transferFrom(token: Self.usd, spender: Self.dev1, from: Self.dev0, to: Self.dev2, amount: 41, time: Self.now)
        }
        // Unlimited allowance is not spent down.
        _ = try state.approve(token: Self.usd, owner: Self.dev0, spender: Self.dev1, amount: .max)
        _ = try state.transferFrom(token: Self.usd, spender: Self.dev1, from: Self.dev0, to: Self.dev2, amount: 5, time: Self.now)
        #expect(state.allowance(AllowanceKey(token: Self.usd, owner: Self.dev0, spender: Self.dev1)) == .max)
    }

    @Test mutating func eachComplianceRefusalRevertsWithItsReason() throws {
        let amount = Self.share
        expectRefused(TransferRestriction.insufficientBalance.message) { s throws(Revert) in
            try s.transfer(token: Self.aapl, from: Self.dev0, to: Self.dev1, amount: 1_001 * Self.share, time: Self.now)
        }
        expectRefused(TransferRestriction.recipientNotVerified.message) { s throws(Revert) in
            try s.transfer(token: Self.aapl, from: Self.dev0, to: Self.stranger, amount: amount, time: Self.now)
        }
        expectRefused(TransferRestriction.recipientIsZeroAddress.message) { s throws(Revert) in
            try s.transfer(token: Self.aapl, from: Self.dev0, to: .zero, amount: amount, time: Self.now)
        }
        expectRefused(TransferRestriction.unknownToken.message) { s throws(Revert) in
            try s.transfer(token: Self.stranger, from: Self.dev0, to: Self.dev1, amount: amount, time: Self.now)
        }
        expectRefused(TransferRestriction.senderVerificationExpired.message) { s throws(Revert) in
            try s.transfer(token: Self.aapl, from: Self.dev0, to: Self.dev1, amount: amount, time: 1_924_992_000)
        }
        // The cash token needs no identity.
        _ = try state.transfer(token: Self.usd, from: Self.dev0, to: Self.stranger, amount: 1, time: Self.now)

        _ = try state.setCountryRules(caller: Self.compliance, token: Self.aapl, allowed: [], denied: ["GB"])
        expectRefused(TransferRestriction.recipientCountryNotAllowed.message) { s throws(Revert) in
            try s.transfer(token: Self.aapl, from: Self.dev0, to: Self.dev2, amount: amount, time: Self.now)
        }
        _ = try state.setCountryRules(caller: Self.compliance, token: Self.aapl, allowed: ["US"], denied: [])
        expectRefused(TransferRestriction.recipientCountryNotAllowed.message) { s throws(Revert) in
            try s.transfer(token: Self.aapl, from: Self.dev0, to: Self.dev2, amount: amount, time: Self.now)
        }
        _ = try state.transfer(token: Self.aapl, from: Self.dev0, to: Self.dev1, amount: amount, time: Self.now)

        _ = try state.setFrozen(caller: Self.compliance, token: Self.aapl, wallet: Self.dev1, frozen: true, reason: "court order")
        expectRefused(TransferRestriction.recipientFrozen.message) { s throws(Revert) in
            try s.transfer(token: Self.aapl, from: Self.dev0, to: Self.dev1, amount: amount, time: Self.now)
        }
        expectRefused(TransferRestriction.senderFrozen.message) { s throws(Revert) in
            try s.transfer(token: Self.aapl, from: Self.dev1, to: Self.dev0, amount: amount, time: Self.now)
        }
        _ = try state.setFrozen(caller: Self.compliance, token: Self.aapl, wallet: Self.dev1, frozen: false, reason: "released")

        _ = try state.changePartialFreeze(caller: Self.compliance, token: Self.aapl, wallet: Self.dev0, amount: 990 * Self.share, freeze: true, reason: "pledge")
        expectRefused(TransferRestriction.amountFrozen.message) { s throws(Revert) in
            try s.transfer(token: Self.aapl, from: Self.dev0, to: Self.dev1, amount: 10 * Self.share, time: Self.now)
        }
        // 999 held (one share moved above), 990 frozen: exactly 9 may move.
        _ = try state.transfer(token: Self.aapl, from: Self.dev0, to: Self.dev1, amount: 9 * Self.share, time: Self.now)

        _ = try state.setPaused(caller: Self.compliance, token: Self.aapl, scope: .transfers, paused: true)
        expectRefused(TransferRestriction.tokenPaused.message) { s throws(Revert) in
            try s.transfer(token: Self.aapl, from: Self.dev1, to: Self.dev0, amount: amount, time: Self.now)
        }
        _ = try state.setPaused(caller: Self.compliance, token: Self.aapl, scope: .transfers, paused: false)
        _ = try state.setPaused(caller: Self.compliance, token: .zero, scope: .transfers, paused: true)
        expectRefused(TransferRestriction.chainPaused.message) { s throws(Revert) in
            try s.transfer(token: Self.usd, from: Self.dev1, to: Self.dev0, amount: 1, time: Self.now)
        }
    }

    @Test mutating func onlyTheComplianceRoleActs() {
        expectRefused("caller is not the compliance officer") { s throws(Revert) in
            try s.setFrozen(caller: Self.dev0, token: Self.aapl, wallet: Self.dev1, frozen: true, reason: "x")
        }
        expectRefused("caller is not the compliance officer") { s throws(Revert) in
            try s.forcedTransfer(caller: Self.custodian, token: Self.aapl, from: Self.dev1, to: Self.dev0, amount: 1, reason: "x", time: Self.now)
        }
        expectRefused("caller is not the custodian") { s throws(Revert) in
            try s.mint(token: Self.aapl, caller: Self.compliance, to: Self.dev0, amount: 1, depositId: .zero, block: Self.block)
        }
    }

    @Test mutating func mintOncePerDeposit() throws {
        let deposit = Keccak256.hash(Array("DWAC-2026-11-21-0001".utf8))
        let events = try state.mint(token: Self.aapl, caller: Self.custodian, to: Self.dev1, amount: 100 * Self.share, depositId: deposit, block: Self.block)
        #expect(events.contains(.mint(token: Self.aapl, to: Self.dev1, amount: 100 * Self.share, depositId: deposit)))
        #expect(state.token(Self.aapl)?.totalSupply == 5_100 * Self.share)
        expectRefused("deposit \(deposit) was already minted") { s throws(Revert) in
            try s.mint(token: Self.aapl, caller: Self.custodian, to: Self.dev1, amount: 100 * Self.share, depositId: deposit, block: Self.block)
        }
        expectRefused(TransferRestriction.recipientNotVerified.message) { s throws(Revert) in
            try s.mint(token: Self.aapl, caller: Self.custodian, to: Self.stranger, amount: 1, depositId: Keccak256.hash([1]), block: Self.block)
        }
        _ = try state.setPaused(caller: Self.compliance, token: Self.aapl, scope: .mint, paused: true)
        expectRefused("minting is paused") { s throws(Revert) in
            try s.mint(token: Self.aapl, caller: Self.custodian, to: Self.dev1, amount: 1, depositId: Keccak256.hash([2]), block: Self.block)
        }
    }

    @Test mutating func redeemBurnsAndRecordsTheRedemption() throws {
        let events = try state.redeem(token: Self.aapl, holder: Self.dev0, amount: 40 * Self.share, brokerageAccountRef: "ACME-123456", block: Self.block)
        #expect(events.last == .redemption(token: Self.aapl, id: 1, holder: Self.dev0, amount: 40 * Self.share, brokerageAccountRef: "ACME-123456"))
        #expect(state.redemptions[1]?.holder == Self.dev0)
        #expect(state.token(Self.aapl)?.totalSupply == 4_960 * Self.share)
        #expect(state.system.nextRedemptionId == 2)
        expectRefused("brokerage account reference must be 1 to 64 characters") { s throws(Revert) in
            try s.redeem(token: Self.aapl, holder: Self.dev0, amount: 1, brokerageAccountRef: " ", block: Self.block)
        }
        expectRefused("only share tokens can be redeemed") { s throws(Revert) in
            try s.redeem(token: Self.usd, holder: Self.dev0, amount: 1, brokerageAccountRef: "X", block: Self.block)
        }
        _ = try state.setPaused(caller: Self.compliance, token: .zero, scope: .redeem, paused: true)
        expectRefused("redemption is paused") { s throws(Revert) in
            try s.redeem(token: Self.aapl, holder: Self.dev0, amount: 1, brokerageAccountRef: "X", block: Self.block)
        }
    }

    @Test mutating func forcedTransferUnfreezesAsNeeded() throws {
        _ = try state.changePartialFreeze(caller: Self.compliance, token: Self.aapl, wallet: Self.dev1, amount: 1_000 * Self.share, freeze: true, reason: "dispute")
        _ = try state.forcedTransfer(caller: Self.compliance, token: Self.aapl, from: Self.dev1, to: Self.dev0, amount: 10 * Self.share, reason: "court order 42", time: Self.now)
        let p = state.account(Self.dev1).position(Self.aapl)
        #expect(p.balance == 990 * Self.share && p.frozen == 990 * Self.share)
    }

    @Test mutating func walletRecoveryMovesEverything() throws {
        let replacement = Address(w0: 0, w1: 0, w2: 0xCAFE)
        _ = try state.changePartialFreeze(caller: Self.compliance, token: Self.aapl, wallet: Self.dev1, amount: 5 * Self.share, freeze: true, reason: "pledge")
        _ = try state.recoverWallet(caller: Self.compliance, lost: Self.dev1, replacement: replacement, investorId: "DEV-01")
        #expect(state.account(Self.dev1).positions.isEmpty)
        #expect(state.account(replacement).position(Self.aapl) == TokenPosition(token: Self.aapl, balance: 1_000 * Self.share, frozen: 5 * Self.share))
        #expect(state.identity(of: replacement)?.investorId == "DEV-01")
        #expect(state.identity(of: Self.dev1) == nil)
        expectRefused("lost wallet does not belong to investor DEV-01") { s throws(Revert) in
            try s.recoverWallet(caller: Self.compliance, lost: Self.dev1, replacement: Self.stranger, investorId: "DEV-01")
        }
    }

    @Test mutating func revertRestoresEveryKind() throws {
        let before = state
        let mark = state.checkpoint()
        _ = try state.transfer(token: Self.aapl, from: Self.dev0, to: Self.dev1, amount: 1, time: Self.now)
        _ = try state.registerIdentity(caller: Self.compliance, wallet: Self.stranger, investorId: "NEW", country: "FR", kycExpiry: 2_000_000_000, taxCategory: .treaty)
        _ = try state.redeem(token: Self.aapl, holder: Self.dev0, amount: 1, brokerageAccountRef: "R", block: Self.block)
        state.revert(to: mark)
        #expect(state.accounts == before.accounts && state.investors == before.investors)
        #expect(state.walletInvestors == before.walletInvestors && state.redemptions == before.redemptions && state.system == before.system)
    }

    @Test func stateValuesRoundTripThroughTheirStoredForm() throws {
        var copy = WorldState(system: SystemState(issuer: .zero, custodian: .zero, compliance: .zero))
        var state = state
        _ = try state.redeem(token: Self.aapl, holder: Self.dev0, amount: 1, brokerageAccountRef: "R", block: Self.block)
        _ = try state.mint(token: Self.aapl, caller: Self.custodian, to: Self.dev1, amount: 7, depositId: Keccak256.hash([9]), block: Self.block)
        _ = try state.approve(token: Self.usd, owner: Self.dev0, spender: Self.dev1, amount: 3)
        let keys = state.takeDirtyKeys()
        for key in keys {
            #expect(StateKey(encoded: key.encoded) == key)
            if let value = state.encodedValue(key) { try copy.load(key: key, value: value) }
        }
        #expect(copy.accounts == state.accounts && copy.tokens == state.tokens && copy.allowances == state.allowances)
        #expect(copy.investors == state.investors && copy.walletInvestors == state.walletInvestors)
        #expect(copy.deposits == state.deposits && copy.redemptions == state.redemptions && copy.system == state.system)
        #expect(throws: StateCodec.Failure.self) { try copy.load(key: .account(Self.dev0), value: [0xc1, 0x80, 0x00]) }
    }
}

@Suite("State keys")
struct StateKeyTests {
    @Test func orderEqualsTheOrderOfTheEncodedBytes() {
        var rng = SplitMix64(seed: 42)
        func address() -> Address { Address(w0: UInt32(truncatingIfNeeded: rng.next()), w1: rng.next() % 3, w2: rng.next()) }
        var keys: [StateKey] = [.system]
        for _ in 0..<300 {
            switch rng.next() % 7 {
            case 0: keys.append(.account(address()))
            case 1: keys.append(.token(address()))
            case 2: keys.append(.allowance(token: address(), owner: address(), spender: address()))
            case 3: keys.append(.investor(["A", "AB", "B", "DEV-01", "DEV-1", "é"][Int(rng.next() % 6)]))
            case 4: keys.append(.wallet(address()))
            case 5: keys.append(.deposit(Bytes32(w0: rng.next() % 2, w1: rng.next(), w2: 0, w3: rng.next())))
            default: keys.append(.redemption(rng.next() % 1000))
            }
        }
        for a in keys.prefix(80) {
            for b in keys {
                #expect((a < b) == a.encoded.lexicographicallyPrecedes(b.encoded), "\(a) vs \(b)")
            }
        }
        #expect(keys.sorted().map(\.encoded) == keys.map(\.encoded).sorted { $0.lexicographicallyPrecedes($1) })
    }
}
