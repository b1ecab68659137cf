import Testing
@testable import Node

/// Property: over randomized holder sets, tax categories, balances, splits and
/// transfer sequences around two record points, every holder's entitlement equals a
/// naive reference (balance at the record point × amount per share, computed from a
/// snapshot of every balance), and paid + withheld + dust + refunded == funded, to
/// the unit, for every dividend.
@Suite("Corporate actions: dividend conservation")
struct DividendConservationTests {
    typealias L = CorporateLedger

    /// The reference entitlement: ⌊balance × multiplier × amountPerShare / 10^36⌋,
    /// by plain long multiplication and two divisions by 10^18.
    static func referenceGross(raw: UInt128, multiplier: UInt128, perShare: UInt128) -> UInt128 {
        let p = raw.multipliedFullWidth(by: multiplier)
        let units = UInt256(high: p.high, low: p.low).multipliedReportingOverflow(by: UInt256(perShare)).partialValue
        let e18: UInt64 = 1_000_000_000_000_000_000
        return units.quotientAndRemainder(dividingBy: e18).quotient.quotientAndRemainder(dividingBy: e18).quotient.uint128!
    }

    /// Every holder's raw AAPL balance: the naive snapshot at a record point.
    static func balances(_ l: CorporateLedger) -> [Address: UInt128] {
        l.state.accounts.compactMapValues { a in a.balance(L.aapl) > 0 ? a.balance(L.aapl) : nil }
    }

    static func randomTransfers(_ l: inout CorporateLedger, _ holders: [Address], _ rng: inout SplitMix64, count: Int) throws {
        for _ in 0..<count {
            let from = holders[rng.below(holders.count)], to = holders[rng.below(holders.count)]
            let balance = l.state.account(from).balance(L.aapl)
            guard balance > 0 else { continue }
            let amount = rng.below(4) == 0 ? balance : UInt128(rng.next()) % balance + 1
            _ = try l.state.transfer(token: L.aapl, from: from, to: to, amount: amount, time: l.block.timestamp)
        }
    }

    @Test(arguments: 0..<12)
    func entitlementsMatchTheNaiveModelAndEveryUnitIsAccountedFor(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ 7)
        var l = CorporateLedger()
        try l.mint(L.usd, to: L.issuer, 1_000_000_000 * L.dollar)
        var holders = (0..<5).map(L.dev)
        let categories = ComplianceInterface.taxCategories
        for i in 0..<(3 + rng.below(25)) {
            let wallet = Address(w0: 0, w1: 0, w2: 0xA000 + UInt64(i))
            try l.call(L.compliance, SystemAddress.compliance, ComplianceInterface.registerIdentity,
                       [.address(wallet), .string("P-\(i)"), .string("US"), .uint(UInt256(UInt64(1_924_991_999))),
                        .uint(UInt256(UInt64(rng.below(categories.count))))])
            // Odd raw amounts, so that per-holder rounding leaves dust.
            try l.mint(L.aapl, to: wallet, UInt128(rng.next()) * UInt128(rng.next() % 300) + 1)
            holders.append(wallet)
        }
        // Holders that will appear only after both record points.
        let latecomer = Address(w0: 0, w1: 0, w2: 0xB000)
        try l.call(L.compliance, SystemAddress.compliance, ComplianceInterface.registerIdentity,
                   [.address(latecomer), .string("LATE"), .string("US"), .uint(UInt256(UInt64(1_924_991_999))), .uint(UInt256(UInt64(2)))])

        let t0 = l.block.timestamp
        let perShare = (UInt128(rng.next() % 2_000_000) + 1, UInt128(rng.next() % 300_000) + 1)
        let first = try l.declare(perShare: perShare.0, record: t0 + 100, pay: t0 + 300)
        let multipliers: [UInt128] = [L.share, 2 * L.share, L.share / 10, 3 * L.share / 2]
        let split = multipliers[rng.below(multipliers.count)]
        if split != L.share {
            try l.call(L.issuer, SystemAddress.dividends, DividendsInterface.scheduleMultiplierChange,
                       [.address(L.aapl), .amount(split), .uint(UInt256(t0 + 50)), .uint(UInt256(UInt64(1))), .amount(L.share)])
        }
        try Self.randomTransfers(&l, holders, &rng, count: 20)
        // A burn before the record point shrinks the supply of record.
        let burner = holders[rng.below(holders.count)]
        _ = try l.state.burn(token: L.aapl, caller: L.custodian, from: burner, amount: l.state.account(burner).balance(L.aapl) / 3)
        l.open(at: t0 + 50)
        let second = try l.declare(perShare: perShare.1, record: t0 + 200, pay: t0 + 300)
        try Self.randomTransfers(&l, holders, &rng, count: 20)
        let ofRecord1 = Self.balances(l)
        l.open(at: t0 + 100)
        // Only a few holders trade between the record points: the others are settled
        // for both dividends at once.
        try Self.randomTransfers(&l, Array(holders.prefix(4)), &rng, count: 6)
        let ofRecord2 = Self.balances(l)
        l.open(at: t0 + 200)
        try Self.randomTransfers(&l, holders, &rng, count: 20)
        let richest = holders.max { l.state.account($0).balance(L.aapl) < l.state.account($1).balance(L.aapl) }!
        _ = try l.state.transfer(token: L.aapl, from: richest, to: latecomer, amount: 1, time: l.block.timestamp)
        _ = try l.state.mint(token: L.aapl, caller: L.custodian, to: latecomer, amount: 7 * L.share,
                             depositId: Bytes32(bytes: [UInt8](repeating: 0xEE, count: 32))!, block: l.block)

        l.open(at: t0 + 300)
        for (index, (id, snapshot, amount)) in [(first, ofRecord1, perShare.0), (second, ofRecord2, perShare.1)].enumerated() {
            let multiplierAtDeclaration = index == 0 ? L.share : split
            // Half the holders claim, the custodian pushes the rest in one batch.
            var pushed: [Address] = []
            for (n, holder) in (holders + [latecomer]).enumerated() {
                // A claim without an entitlement is refused; the checks below catch any other refusal.
                if n % 2 == 0 { _ = try? l.claim(holder, id) } else { pushed.append(holder) }
            }
            _ = try l.push(id, pushed)
            var grossTotal: UInt128 = 0
            for holder in holders + [latecomer] {
                let expected = Self.referenceGross(raw: snapshot[holder] ?? 0, multiplier: multiplierAtDeclaration, perShare: amount)
                let e = l.state.corporate.entitlement(dividendId: id, holder: holder)
                #expect((e?.gross ?? 0) == expected, "seed \(seed) dividend \(id) holder \(holder)")
                if let e {
                    let rate = UInt128(l.state.identity(of: holder)?.taxCategory.defaultWithholdingBasisPoints ?? 3_000)
                    #expect(e.isPaid && e.withheld == e.gross * rate / 10_000)
                }
                grossTotal += expected
            }
            let d = l.dividend(id)
            let supplyOfRecord = snapshot.values.reduce(0, +)
            #expect(d.recordedRawSupply == supplyOfRecord && d.settledRawSupply == supplyOfRecord)
            #expect(d.entitled == Self.referenceGross(raw: supplyOfRecord, multiplier: multiplierAtDeclaration, perShare: amount))
            let dust = try #require(d.dust, "every unit of record was settled")
            #expect(grossTotal + dust == d.entitled)
            #expect(dust < UInt128(snapshot.count), "each holder's rounding loses less than one unit")
            #expect(d.paidNet + d.withheld + dust + d.refunded == d.funded, "seed \(seed) dividend \(id)")
        }
        // What the dividends account still holds is exactly the two dividends' dust.
        let dusts = l.dividend(first).dust! + l.dividend(second).dust!
        #expect(l.usdBalance(SystemAddress.dividends) == dusts)
        let withheld = l.dividend(first).withheld + l.dividend(second).withheld
        #expect(l.usdBalance(SystemAddress.withholding) == withheld)
        #expect(l.state.corporate.withholding.values.reduce(0) { $0 + $1.withheld } == withheld)
    }
}
