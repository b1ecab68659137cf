import Testing
@testable import Node

/// Splits, reverse splits and multiplier epochs through the token ABI: ERC-20 views
/// and amounts in shares, raw views, the ERC-8056-style multiplier views, history,
/// and every refusal.
@Suite("Corporate actions: multiplier changes")
struct MultiplierTests {
    typealias L = CorporateLedger
    static let t0 = L.start
    static let effective = t0 + 60
    static let m = MultiplierInterface.self

    static func schedule(_ l: inout CorporateLedger, _ multiplier: UInt128, nonce: UInt64, prior: UInt128,
                         at time: UInt64 = effective, from caller: Address = L.issuer) throws(Revert) {
        try l.call(caller, SystemAddress.dividends, DividendsInterface.scheduleMultiplierChange,
                   [.address(L.aapl), .amount(multiplier), .uint(UInt256(time)), .uint(UInt256(nonce)), .amount(prior)])
    }

    static func shares(_ l: inout CorporateLedger, _ holder: Address) throws -> UInt256 {
        try l.view(L.aapl, ERC20.balanceOf, [.address(holder)])[0].uint256()
    }

    static func supplyIsTheSumOfBalances(_ l: inout CorporateLedger) throws {
        var sum = UInt256.zero
        for a in l.state.accounts.keys { sum = sum.addingReportingOverflow(try shares(&l, a)).partialValue }
        #expect(try l.view(L.aapl, ERC20.totalSupply)[0].uint256() == sum)
    }

    @Test func twoForOneSplitDoublesBalancesAllowancesAndSupply() throws {
        var l = CorporateLedger()
        try l.call(L.dev(0), L.aapl, ERC20.approve, [.address(L.dev(1)), .amount(100 * L.share)])
        try Self.schedule(&l, 2 * L.share, nonce: 1, prior: L.share)
        // Announced, not yet effective.
        #expect(try l.view(L.aapl, Self.m.uiMultiplier) == [.amount(L.share)])
        #expect(try l.view(L.aapl, Self.m.newUIMultiplier) == [.amount(2 * L.share)])
        #expect(try l.view(L.aapl, Self.m.effectiveAt) == [.uint(UInt256(Self.effective))])
        #expect(try l.view(L.aapl, Self.m.multiplierChange, [.uint(UInt256(UInt64(1)))])
                == [.amount(L.share), .amount(2 * L.share), .uint(UInt256(Self.effective)), .bool(false)])
        l.open(at: Self.effective - 1)
        #expect(try Self.shares(&l, L.dev(0)) == UInt256(1_000 * L.share))

        l.open(at: Self.effective)
        #expect(try Self.shares(&l, L.dev(0)) == UInt256(2_000 * L.share))
        #expect(try l.view(L.aapl, Self.m.sharesOf, [.address(L.dev(0))]) == [.amount(2_000 * L.share)])
        #expect(try l.view(L.aapl, Self.m.rawBalanceOf, [.address(L.dev(0))]) == [.amount(1_000 * L.share)])
        #expect(try l.view(L.aapl, ERC20.totalSupply) == [.amount(10_000 * L.share)])
        #expect(try l.view(L.aapl, Self.m.rawTotalSupply) == [.amount(5_000 * L.share)])
        #expect(try l.view(L.aapl, ERC20.allowance, [.address(L.dev(0)), .address(L.dev(1))]) == [.amount(200 * L.share)])
        #expect(try l.view(L.aapl, Self.m.uiMultiplier) == [.amount(2 * L.share)])
        #expect(try l.view(L.aapl, Self.m.newUIMultiplier) == [.amount(2 * L.share)])
        #expect(try l.view(L.aapl, Self.m.effectiveAt) == [.uint(.zero)])
        #expect(try l.view(L.aapl, Self.m.multiplierNonce) == [.uint(UInt256(UInt64(1)))])
        #expect(try l.view(L.aapl, Self.m.multiplierChange, [.uint(UInt256(UInt64(1)))])[3] == .bool(true))

        // Amounts are shares: 2 share units are 1 raw unit; 3 are not a whole raw unit.
        let result = try l.call(L.dev(0), L.aapl, ERC20.transfer, [.address(L.dev(2)), .amount(2)])
        #expect(result.events == [.transfer(token: L.aapl, from: L.dev(0), to: L.dev(2), amount: 2)])
        #expect(try Self.shares(&l, L.dev(2)) == UInt256(2_000 * L.share + 2))
        l.expectRefused("not a whole number of raw units") { l throws(Revert) in
            try l.transfer(L.aapl, from: L.dev(0), to: L.dev(2), 3)
        }
        // The allowance is spent in shares.
        try l.call(L.dev(1), L.aapl, ERC20.transferFrom, [.address(L.dev(0)), .address(L.dev(3)), .amount(150 * L.share)])
        #expect(try l.view(L.aapl, ERC20.allowance, [.address(L.dev(0)), .address(L.dev(1))]) == [.amount(50 * L.share)])
        #expect(try Self.shares(&l, L.dev(3)) == UInt256(2_150 * L.share))
        try Self.supplyIsTheSumOfBalances(&l)
        // Minting is in shares too: the reserve counts shares.
        try l.mint(L.aapl, to: L.dev(4), 10 * L.share)
        #expect(try l.view(L.aapl, ERC20.totalSupply) == [.amount(10_010 * L.share)])
        #expect(try l.view(L.aapl, Self.m.rawTotalSupply) == [.amount(5_005 * L.share)])
    }

    @Test func oneForTenReverseSplitKeepsFractionsAndSendAllMovesTheRemainder() throws {
        var l = CorporateLedger()
        try l.call(L.dev(0), L.aapl, ERC20.approve, [.address(L.dev(1)), .amount(100 * L.share)])
        // dev2 holds 7 raw units beyond a whole number of post-split share units.
        try l.transfer(L.aapl, from: L.dev(1), to: L.dev(2), 7)
        try Self.schedule(&l, L.share / 10, nonce: 1, prior: L.share)
        l.open(at: Self.effective)
        #expect(try Self.shares(&l, L.dev(0)) == UInt256(100 * L.share))
        #expect(try Self.shares(&l, L.dev(2)) == UInt256(100 * L.share))
        #expect(try Self.shares(&l, L.dev(1)) == UInt256(100 * L.share - 1))
        #expect(try l.view(L.aapl, ERC20.totalSupply) == [.amount(500 * L.share)])
        #expect(try l.view(L.aapl, ERC20.allowance, [.address(L.dev(0)), .address(L.dev(1))]) == [.amount(10 * L.share)])
        // Fractional shares stay: 2.5 shares move exactly.
        try l.transfer(L.aapl, from: L.dev(0), to: L.dev(3), 5 * L.share / 2)
        #expect(try Self.shares(&l, L.dev(3)) == UInt256(102 * L.share + L.share / 2))
        // "Send all" moves the 7 raw units below one share unit as well.
        try l.transfer(L.aapl, from: L.dev(2), to: L.dev(4), 100 * L.share)
        #expect(l.state.account(L.dev(2)).balance(L.aapl) == 0)
        #expect(try l.view(L.aapl, Self.m.rawBalanceOf, [.address(L.dev(4))]) == [.amount(2_000 * L.share + 7)])
        // The rounding dust: the supply in shares is at least the sum of the balances, by less than one unit per holder.
        let supply = try l.view(L.aapl, ERC20.totalSupply)[0].uint256()
        var sum = UInt256.zero
        for a in l.state.accounts.keys { sum = sum.addingReportingOverflow(try Self.shares(&l, a)).partialValue }
        #expect(supply.subtractingReportingOverflow(sum).partialValue < UInt256(UInt64(l.state.accounts.count)))
        #expect(try l.view(L.aapl, Self.m.rawTotalSupply) == [.amount(5_000 * L.share)])
    }

    @Test func aTransferSignedUnderAnOlderEpochIsRefused() throws {
        var l = CorporateLedger()
        try l.call(L.dev(0), L.aapl, Self.m.transferWithEpoch, [.address(L.dev(1)), .amount(L.share), .uint(.zero)])
        #expect(l.state.account(L.dev(1)).balance(L.aapl) == 1_001 * L.share)
        try Self.schedule(&l, 4 * L.share, nonce: 1, prior: L.share)
        l.open(at: Self.effective)
        l.expectRefused("multiplier nonce 0 is stale") { l throws(Revert) in
            try l.call(L.dev(0), L.aapl, Self.m.transferWithEpoch, [.address(L.dev(1)), .amount(L.share), .uint(.zero)])
        }
        let result = try l.call(L.dev(0), L.aapl, Self.m.transferWithEpoch, [.address(L.dev(1)), .amount(4 * L.share), .uint(UInt256(UInt64(1)))])
        #expect(result.events == [.transfer(token: L.aapl, from: L.dev(0), to: L.dev(1), amount: 4 * L.share)])
        #expect(l.state.account(L.dev(1)).balance(L.aapl) == 1_002 * L.share)
    }

    @Test func badSchedulesAreRefusedAndChangeNothing() throws {
        var l = CorporateLedger()
        l.expectRefused("caller is not the issuer") { l throws(Revert) in
            try Self.schedule(&l, 2 * L.share, nonce: 1, prior: L.share, from: L.dev(0))
        }
        l.expectRefused("nonce 2 does not match: the next nonce is 1") { l throws(Revert) in
            try Self.schedule(&l, 2 * L.share, nonce: 2, prior: L.share)
        }
        l.expectRefused("prior multiplier 2 does not match the current multiplier 1") { l throws(Revert) in
            try Self.schedule(&l, 3 * L.share, nonce: 1, prior: 2 * L.share)
        }
        l.expectRefused("equals the current one") { l throws(Revert) in try Self.schedule(&l, L.share, nonce: 1, prior: L.share) }
        l.expectRefused("multiplier must be between") { l throws(Revert) in try Self.schedule(&l, 1, nonce: 1, prior: L.share) }
        l.expectRefused("must be after the current block time") { l throws(Revert) in
            try Self.schedule(&l, 2 * L.share, nonce: 1, prior: L.share, at: l.block.timestamp)
        }
        try Self.schedule(&l, 2 * L.share, nonce: 1, prior: L.share)
        l.expectRefused("multiplier change 1 is already scheduled") { l throws(Revert) in
            try Self.schedule(&l, 3 * L.share, nonce: 2, prior: 2 * L.share)
        }
        l.open(at: Self.effective)
        // The next change must name nonce 2 and the multiplier now in effect.
        l.expectRefused("nonce 1 does not match: the next nonce is 2") { l throws(Revert) in
            try Self.schedule(&l, L.share, nonce: 1, prior: 2 * L.share, at: Self.effective + 10)
        }
        try Self.schedule(&l, L.share, nonce: 2, prior: 2 * L.share, at: Self.effective + 10)
        l.open(at: Self.effective + 10)
        #expect(l.state.token(L.aapl)?.multiplier == L.share && l.state.corporate.asset(L.aapl).multiplierNonce == 2)
        #expect(l.state.corporate.multiplierHistory.count == 2)
    }
}
