import Testing
@testable import Node

/// Cash dividends through the ABI: declaration, the record point, trading around it,
/// withholding per tax category, claims, pushed payments, reclaim, refusals.
@Suite("Corporate actions: cash dividends")
struct DividendTests {
    typealias L = CorporateLedger
    static let t0 = L.start
    static let record = t0 + 100
    static let pay = t0 + 200
    /// $0.50 per share.
    static let perShare: UInt128 = 500_000

    /// A ledger whose issuer holds $10,000,000 of USD.
    static func funded() throws -> CorporateLedger {
        var l = CorporateLedger()
        try l.mint(L.usd, to: L.issuer, 10_000_000 * L.dollar)
        return l
    }

    @Test func tradingBeforeTheRecordPointMovesEntitlementAndAfterItDoesNot() throws {
        var l = try Self.funded()
        let id = try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay)
        // The whole supply (5,000 AAPL) is funded at declaration: $2,500.
        #expect(l.dividend(id).funded == 2_500 * L.dollar)
        #expect(l.usdBalance(SystemAddress.dividends) == 2_500 * L.dollar)
        #expect(l.usdBalance(L.issuer) == 9_997_500 * L.dollar)

        l.open(at: Self.t0 + 50)
        try l.transfer(L.aapl, from: L.dev(0), to: L.dev(1), 100 * L.share)
        l.open(at: Self.record - 1)
        try l.transfer(L.aapl, from: L.dev(3), to: L.dev(4), 250 * L.share)
        #expect(l.dividend(id).isRecorded == false)

        // The first block at or after the record time fixes the balances of record.
        l.open(at: Self.record)
        #expect(l.dividend(id).isRecorded)
        #expect(l.dividend(id).entitled == 2_500 * L.dollar && l.dividend(id).refunded == 0)
        try l.transfer(L.aapl, from: L.dev(1), to: L.dev(2), 600 * L.share)
        try l.transfer(L.aapl, from: L.dev(4), to: L.dev(0), 1_250 * L.share)

        let expected: [(Int, UInt128)] = [(0, 450), (1, 550), (2, 500), (3, 375), (4, 625)]
        for (i, dollars) in expected {
            let e = try #require(l.state.dividendEntitlement(holder: L.dev(i), dividendId: id, time: Self.record))
            #expect(e.gross == dollars * L.dollar, "dev\(i)")
        }
        // A wallet that only bought after the record point is entitled to nothing.
        try l.call(L.compliance, SystemAddress.compliance, ComplianceInterface.registerIdentity,
                   [.address(L.dev(5)), .string("DEV-05"), .string("DE"), .uint(UInt256(UInt64(1_924_991_999))), .uint(UInt256(UInt64(1)))])
        try l.transfer(L.aapl, from: L.dev(0), to: L.dev(5), 10 * L.share)
        #expect(l.state.dividendEntitlement(holder: L.dev(5), dividendId: id, time: Self.record) == nil)
    }

    @Test func withholdingByTaxCategoryGoesToTheWithholdingAccount() throws {
        var l = try Self.funded()
        let id = try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay)
        l.open(at: Self.pay)
        let before = (0..<5).map { l.usdBalance(L.dev($0)) }
        // dev0 domestic 0%, dev2 treaty 15%, dev3 nonTreaty 30%, dev4 exempt 0%: each has 1,000 AAPL → $500 gross.
        let cases: [(Int, UInt128)] = [(0, 0), (2, 75), (3, 150), (4, 0)]
        var withheldTotal: UInt128 = 0
        for (i, withheld) in cases {
            let result = try l.claim(L.dev(i), id)
            let net = 500 * L.dollar - withheld * L.dollar
            #expect(l.usdBalance(L.dev(i)) == before[i] + net, "dev\(i)")
            #expect(try DividendsInterface.claimDividend.decodeOutput(result.output) == [.amount(net)])
            #expect(result.events.last == .corporateAction(.dividendClaimed(id: id, holder: L.dev(i), gross: 500 * L.dollar,
                                                                            withheld: withheld * L.dollar, net: net)))
            let record = try #require(l.state.corporate.withholding[L.dev(i)])
            #expect(record == WithholdingRecord(gross: 500 * L.dollar, withheld: withheld * L.dollar, payments: 1))
            let e = try #require(l.state.corporate.entitlement(dividendId: id, holder: L.dev(i)))
            #expect(e.isPaid && e.paidAt == Self.pay && e.taxCategory == [.domestic, .treaty, .nonTreaty, .exempt][cases.firstIndex { $0.0 == i }!])
            withheldTotal += withheld * L.dollar
        }
        #expect(l.usdBalance(SystemAddress.withholding) == withheldTotal)
        #expect(try l.view(SystemAddress.dividends, DividendsInterface.withholdingOf, [.address(L.dev(3))])
                == [.amount(500 * L.dollar), .amount(150 * L.dollar), .uint(UInt256(UInt64(1)))])
        // A holder whose identity was removed is withheld at the non-treaty rate.
        try l.call(L.compliance, SystemAddress.compliance, ComplianceInterface.removeWallet, [.address(L.dev(1))])
        _ = try l.claim(L.dev(1), id)
        #expect(l.state.corporate.entitlement(dividendId: id, holder: L.dev(1))?.withheld == 150 * L.dollar)
        let d = l.dividend(id)
        #expect(d.paidNet + d.withheld == 2_500 * L.dollar && d.dust == 0)
    }

    @Test func partialClaimsAcrossSeveralDividends() throws {
        var l = try Self.funded()
        let first = try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay)
        let second = try l.declare(perShare: 250_000, record: Self.record + 10, pay: Self.pay + 100)
        l.open(at: Self.pay)
        #expect(l.dividend(second).isRecorded)
        _ = try l.claim(L.dev(0), first)
        #expect(l.usdBalance(L.dev(0)) == 1_000_500 * L.dollar)
        // The second is recorded but not yet payable.
        l.expectRefused("payable from time \(Self.pay + 100)") { l throws(Revert) in _ = try l.claim(L.dev(0), second) }
        let pending = try #require(l.state.dividendEntitlement(holder: L.dev(0), dividendId: second, time: Self.pay))
        #expect(pending.gross == 250 * L.dollar && !pending.isPaid)
        // Selling everything does not take the recorded entitlements away.
        l.open(at: Self.pay + 50)
        try l.transfer(L.aapl, from: L.dev(0), to: L.dev(1), 1_000 * L.share)
        l.open(at: Self.pay + 100)
        _ = try l.claim(L.dev(0), second)
        #expect(l.usdBalance(L.dev(0)) == 1_000_750 * L.dollar)
        l.expectRefused("already paid") { l throws(Revert) in _ = try l.claim(L.dev(0), first) }
        l.expectRefused("already paid") { l throws(Revert) in _ = try l.claim(L.dev(0), second) }
        // dev1 now holds 2,000 but was entitled on 1,000 for each.
        _ = try l.claim(L.dev(1), second)
        #expect(l.state.corporate.entitlement(dividendId: second, holder: L.dev(1))?.gross == 250 * L.dollar)
    }

    @Test func custodianPushesABatchAndSkipsWhatIsNotOwed() throws {
        var l = try Self.funded()
        let id = try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay)
        l.open(at: Self.pay)
        _ = try l.claim(L.dev(1), id)
        let stranger = Address(w0: 0, w1: 0, w2: 0xBEEF)
        let result = try l.push(id, [L.dev(0), L.dev(1), L.dev(2), L.dev(2), stranger, L.dev(3)])
        #expect(try DividendsInterface.pushDividend.decodeOutput(result.output) == [.uint(UInt256(UInt64(3)))])
        let paid = result.events.compactMap { e -> Address? in
            if case .corporateAction(.dividendPaid(_, let holder, _, _, _)) = e { return holder }
            return nil
        }
        #expect(paid == [L.dev(0), L.dev(2), L.dev(3)])
        let logs = result.events.map(LogEncoder.log)
        let paidLog = try #require(logs.first { $0.topics.first == DividendsInterface.dividendPaidEvent.topic })
        #expect(paidLog.address == SystemAddress.dividends)
        #expect(try DividendsInterface.dividendPaidEvent.decodeLog(topics: paidLog.topics, data: paidLog.data)
                == [.uint(UInt256(id)), .address(L.dev(0)), .amount(500 * L.dollar), .amount(0), .amount(500 * L.dollar)])
        l.expectRefused("caller is not the custodian") { l throws(Revert) in _ = try l.push(id, [L.dev(4)], from: L.issuer) }
        l.expectRefused("at most 200 holders") { l throws(Revert) in _ = try l.push(id, Array(repeating: L.dev(4), count: 201)) }
        _ = try l.push(id, [L.dev(4)])
        let d = l.dividend(id)
        #expect(d.outstanding == 0 && d.dust == 0)
        #expect(l.usdBalance(SystemAddress.dividends) == 0)
    }

    /// Shares escrowed in a resting ask at the record point stay in the seller's own
    /// position, so the seller is entitled for them; the exchange address holds nothing.
    @Test func sharesInARestingAskAtTheRecordPointEarnTheSellersDividend() throws {
        var l = try Self.funded()
        let id = try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay)
        l.open(at: Self.record - 10)
        // dev0 offers 400 of its 1,000 AAPL on the 24x7 market, far above any bid.
        _ = try CallDispatcher.call(&l.state, sender: L.dev(0), to: SystemAddress.exchange,
                                    data: MarketBench.place(2, .sell, "900.00", "400"), block: l.block)
        #expect(l.state.account(L.dev(0)).position(L.aapl).escrowed == 400 * L.share)
        #expect(l.state.account(L.dev(0)).balance(L.aapl) == 1_000 * L.share)
        #expect(l.state.account(SystemAddress.exchange).balance(L.aapl) == 0)
        l.open(at: Self.pay)
        let e = try #require(l.state.dividendEntitlement(holder: L.dev(0), dividendId: id, time: Self.pay))
        #expect(e.gross == 500 * L.dollar, "all 1,000 shares, the 400 offered included")
        _ = try l.claim(L.dev(0), id)
        #expect(l.usdBalance(L.dev(0)) == 1_000_500 * L.dollar)
        // The escrowed shares cannot be moved until the order is cancelled.
        l.expectRefused(TransferRestriction.amountEscrowed.message) { l throws(Revert) in
            try l.transfer(L.aapl, from: L.dev(0), to: L.dev(1), 601 * L.share)
        }
    }

    /// A push never pays a fund account (here a balance sent to the exchange's address
    /// by hand): that USD stays in the dividend pool for the reclaim.
    @Test func aPushSkipsFundAccounts() throws {
        var l = try Self.funded()
        let id = try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay)
        l.state.moveBalance(token: L.aapl, from: L.dev(0), to: SystemAddress.exchange, amount: 100 * L.share)
        l.open(at: Self.pay)
        let escrowUSD = l.usdBalance(SystemAddress.exchange)
        let result = try l.push(id, [SystemAddress.exchange, SystemAddress.dividends, SystemAddress.withholding, L.dev(0)])
        #expect(try DividendsInterface.pushDividend.decodeOutput(result.output) == [.uint(UInt256(UInt64(1)))])
        #expect(l.usdBalance(SystemAddress.exchange) == escrowUSD)
        // dev0 is paid for the 900 shares it held itself; the escrowed 100 stay outstanding.
        let e = try #require(l.state.dividendEntitlement(holder: L.dev(0), dividendId: id, time: Self.pay))
        #expect(e.gross == 450 * L.dollar && e.isPaid)
        let escrowed = try #require(l.state.dividendEntitlement(holder: SystemAddress.exchange, dividendId: id, time: Self.pay))
        #expect(escrowed.gross == 50 * L.dollar && !escrowed.isPaid)
    }

    @Test func badInputsRevertWithAReasonAndChangeNothing() throws {
        var l = CorporateLedger()
        l.expectRefused("not fully funded") { l throws(Revert) in
            try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay)
        }
        try l.mint(L.usd, to: L.issuer, 2_499 * L.dollar)
        l.expectRefused("needs 2500 USD and the caller has 2499 USD transferable") { l throws(Revert) in
            try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay)
        }
        try l.mint(L.usd, to: L.issuer, 1_000_000 * L.dollar)
        l.expectRefused("caller is neither the issuer nor the custodian") { l throws(Revert) in
            try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay, from: L.dev(0))
        }
        l.expectRefused("is before the record time") { l throws(Revert) in
            try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.record - 1)
        }
        l.expectRefused("must be after the current block time") { l throws(Revert) in
            try l.declare(perShare: Self.perShare, record: l.block.timestamp, pay: Self.pay)
        }
        l.expectRefused("amount per share is zero") { l throws(Revert) in try l.declare(perShare: 0, record: Self.record, pay: Self.pay) }
        l.expectRefused("no share token") { l throws(Revert) in try l.declare(L.usd, perShare: 1, record: Self.record, pay: Self.pay) }
        l.expectRefused("at most 366 days") { l throws(Revert) in
            try l.declare(perShare: 1, record: Self.record, pay: Self.record + 367 * 86_400)
        }
        let id = try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay)
        l.expectRefused("recorded in declaration order") { l throws(Revert) in
            try l.declare(perShare: 1, record: Self.record - 1, pay: Self.pay)
        }
        l.expectRefused("minting more must wait until its record time") { l throws(Revert) in
            try l.mint(L.aapl, to: L.dev(0), L.share)
        }
        l.expectRefused("payable from time \(Self.pay)") { l throws(Revert) in _ = try l.claim(L.dev(0), id) }
        l.open(at: Self.record)
        l.expectRefused("payable from time \(Self.pay)") { l throws(Revert) in _ = try l.claim(L.dev(0), id) }
        // After the record point, minting is open again and the new units are not entitled.
        try l.mint(L.aapl, to: L.dev(0), L.share)
        l.open(at: Self.pay)
        l.expectRefused("no dividend with id 99") { l throws(Revert) in _ = try l.claim(L.dev(0), 99) }
        l.expectRefused("has no entitlement") { l throws(Revert) in _ = try l.claim(L.dev(6), id) }
        _ = try l.claim(L.dev(0), id)
        #expect(l.state.corporate.entitlement(dividendId: id, holder: L.dev(0))?.gross == 500 * L.dollar)
        l.expectRefused("already paid") { l throws(Revert) in _ = try l.claim(L.dev(0), id) }
        l.expectRefused("may be reclaimed from time \(Self.pay + WorldState.dividendReclaimDelay)") { l throws(Revert) in
            try l.call(L.issuer, SystemAddress.dividends, DividendsInterface.reclaimDividend, [.uint(UInt256(id))])
        }
        l.expectRefused("only the dividend's funder") { l throws(Revert) in
            try l.call(L.custodian, SystemAddress.dividends, DividendsInterface.reclaimDividend, [.uint(UInt256(id))])
        }
        l.expectRefused("unknown function selector") { l throws(Revert) in
            try l.call(L.dev(0), SystemAddress.dividends, ERC20.totalSupply, [])
        }
        // The USD behind declared dividends and withheld tax cannot be taken out by any role.
        l.expectRefused("cannot burn from a system account") { l throws(Revert) in
            try l.call(L.custodian, L.usd, ShareTokenInterface.burn, [.address(SystemAddress.dividends), .amount(1)])
        }
        l.expectRefused("cannot force a transfer out of a system account") { l throws(Revert) in
            try l.call(L.compliance, SystemAddress.compliance, ComplianceInterface.forcedTransfer,
                       [.address(L.usd), .address(SystemAddress.withholding), .address(L.dev(0)), .amount(1), .string("test")])
        }
        l.expectRefused("wallet is a system account") { l throws(Revert) in
            try l.call(L.compliance, SystemAddress.compliance, ComplianceInterface.registerIdentity,
                       [.address(SystemAddress.dividends), .string("X"), .string("US"), .uint(UInt256(UInt64(1_924_991_999))), .uint(.zero)])
        }
    }

    @Test func reclaimAfterAYearReturnsUnclaimedAndDustAndClosesTheDividend() throws {
        var l = try Self.funded()
        // 1/3 cent per share on 1,000.000000000000000001 shares for dev0 leaves dust.
        try l.transfer(L.aapl, from: L.dev(1), to: L.dev(0), 1)
        let id = try l.declare(perShare: 3_333, record: Self.record, pay: Self.pay)
        l.open(at: Self.record)
        // A redemption after the record point does not change entitlements.
        try l.call(L.dev(2), L.aapl, ShareTokenInterface.redeem, [.amount(10 * L.share), .string("ACC-2")])
        l.open(at: Self.pay)
        for i in 0..<5 { _ = try l.claim(L.dev(i), id) }
        var d = l.dividend(id)
        // Each 1,000-share holder gets 3.333000; dev1 (999.999…) gets 3.332999; dev0 3.333000.
        #expect(d.entitled == 16_665_000 && d.settledGross == 16_664_999)
        #expect(d.dust == 1)
        l.open(at: Self.pay + WorldState.dividendReclaimDelay)
        let issuerBefore = l.usdBalance(L.issuer)
        try l.call(L.issuer, SystemAddress.dividends, DividendsInterface.reclaimDividend, [.uint(UInt256(id))])
        d = l.dividend(id)
        #expect(d.isReclaimed && d.reclaimed == 1 && l.usdBalance(L.issuer) == issuerBefore + 1)
        #expect(d.paidNet + d.withheld + d.dust! + d.refunded == d.funded)
        #expect(l.usdBalance(SystemAddress.dividends) == 0)
        l.expectRefused("already reclaimed") { l throws(Revert) in
            try l.call(L.issuer, SystemAddress.dividends, DividendsInterface.reclaimDividend, [.uint(UInt256(id))])
        }
        l.expectRefused("was closed") { l throws(Revert) in _ = try l.claim(L.dev(0), id) }
    }

    @Test func theCustodianDeclaresAsPayingAgentWithUSDItMinted() throws {
        var l = CorporateLedger()
        // USD received in custody for the reserve, minted to the custodian, then declared by it.
        try l.mint(L.usd, to: L.custodian, 2_500 * L.dollar)
        let id = try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay, from: L.custodian)
        #expect(l.dividend(id).funder == L.custodian && l.usdBalance(L.custodian) == 0)
        l.open(at: Self.pay)
        _ = try l.push(id, (0..<5).map(L.dev))
        #expect(l.dividend(id).paidNet + l.dividend(id).withheld == 2_500 * L.dollar)
    }

    @Test func supplyBurnedBeforeTheRecordPointIsRefundedToTheFunder() throws {
        var l = try Self.funded()
        let id = try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay)
        try l.call(L.dev(3), L.aapl, ShareTokenInterface.redeem, [.amount(1_000 * L.share), .string("ACC-3")])
        let issuerBefore = l.usdBalance(L.issuer)
        l.open(at: Self.record)
        let d = l.dividend(id)
        #expect(d.recordedRawSupply == 4_000 * L.share && d.entitled == 2_000 * L.dollar && d.refunded == 500 * L.dollar)
        #expect(l.usdBalance(L.issuer) == issuerBefore + 500 * L.dollar)
        #expect(l.state.dividendEntitlement(holder: L.dev(3), dividendId: id, time: Self.record) == nil)
        let status = try l.view(SystemAddress.dividends, DividendsInterface.dividend, [.uint(UInt256(id))])
        #expect(status[4] == .uint(UInt256(UInt64(DividendStatus.recorded.rawValue))))
        #expect(status[5] == .amount(2_500 * L.dollar) && status[6] == .amount(2_000 * L.dollar) && status[7] == .amount(500 * L.dollar))
    }

    @Test func aSplitBetweenDeclarationAndRecordKeepsTheUSDEntitlement() throws {
        var l = try Self.funded()
        let id = try l.declare(perShare: Self.perShare, record: Self.record, pay: Self.pay)
        try l.call(L.issuer, SystemAddress.dividends, DividendsInterface.scheduleMultiplierChange,
                   [.address(L.aapl), .amount(2 * L.share), .uint(UInt256(Self.t0 + 50)), .uint(UInt256(UInt64(1))), .amount(L.share)])
        l.open(at: Self.t0 + 50)
        #expect(try l.view(L.aapl, ERC20.balanceOf, [.address(L.dev(0))]) == [.amount(2_000 * L.share)])
        // 2,000 post-split shares moved = 1,000 pre-split shares: dev1 ends with all of dev0's entitlement.
        try l.transfer(L.aapl, from: L.dev(0), to: L.dev(1), 2_000 * L.share)
        l.open(at: Self.record)
        #expect(l.state.dividendEntitlement(holder: L.dev(1), dividendId: id, time: Self.record)?.gross == 1_000 * L.dollar)
        #expect(l.state.dividendEntitlement(holder: L.dev(0), dividendId: id, time: Self.record) == nil)
        #expect(l.dividend(id).entitled == 2_500 * L.dollar)
    }
}
