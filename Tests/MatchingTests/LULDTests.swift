import Testing
@testable import Matching

@Suite("LULD bands, reference price and overnight collar")
struct LULDTests {
    static let tier1 = try! LULDParameters(tier: .tier1)
    static let tier2 = try! LULDParameters(tier: .tier2)

    private func bands(_ reference: Int64, _ parameters: LULDParameters, doubled: Bool = false) throws -> (Int64, Int64) {
        let b = try LULDBands(reference: reference, parameters: parameters, doubled: doubled)
        return (b.lower, b.upper)
    }

    @Test("percentage parameters per tier and price, in $0.0001 units rounded to the penny")
    func bandValues() throws {
        #expect(try bands(100_000, Self.tier1) == (95_000, 105_000))               // $10, 5%
        #expect(try bands(100_000, Self.tier1, doubled: true) == (90_000, 110_000))
        #expect(try bands(100_000, Self.tier2) == (90_000, 110_000))               // 10%
        #expect(try bands(100_000, Self.tier2, doubled: true) == (80_000, 120_000))
        #expect(try bands(30_100, Self.tier1) == (28_600, 31_600))                 // $3.01: 5%, $28.595 -> $2.86
        #expect(try bands(30_000, Self.tier1) == (24_000, 36_000))                 // $3.00: 20%
        #expect(try bands(30_000, Self.tier2) == (24_000, 36_000))
        #expect(try bands(7_500, Self.tier1) == (6_000, 9_000))                    // $0.75: 20%
        #expect(try bands(5_000, Self.tier1) == (3_500, 6_500))                    // $0.50: $0.15 < 75%
        #expect(try bands(1_000, Self.tier2) == (300, 1_800))                      // $0.10: 75% = $0.075, halves up
        #expect(try bands(1_000, Self.tier1, doubled: true) == (1, 2_500))         // 150%: floor at one unit
    }

    @Test("doubling: 09:30-09:45 for all; 15:35-16:00 for Tier 1 and Tier 2 at or below $3.00")
    func doubling() {
        let open: Int64 = 1_773_063_000_000_000_000           // 2026-03-09 09:30 EDT
        let close = open + 390 * 60_000_000_000                // 16:00
        let minute: Int64 = 60_000_000_000
        func doubled(_ p: LULDParameters, _ reference: Int64, _ now: Int64) -> Bool {
            LULDBands.isDoubled(reference: reference, parameters: p, now: now, regularOpen: open, regularClose: close)
        }
        #expect(doubled(Self.tier1, 100_000, open))
        #expect(doubled(Self.tier2, 100_000, open + 15 * minute - 1))
        #expect(!doubled(Self.tier1, 100_000, open + 15 * minute))
        #expect(!doubled(Self.tier1, 100_000, close - 25 * minute - 1))
        #expect(doubled(Self.tier1, 100_000, close - 25 * minute))
        #expect(!doubled(Self.tier2, 100_000, close - 25 * minute))           // Tier 2 above $3.00
        #expect(doubled(Self.tier2, 30_000, close - 25 * minute))             // Tier 2 at $3.00
        #expect(doubled(Self.tier2, 20_000, close - 1))
        #expect(!doubled(Self.tier1, 100_000, close))
    }

    @Test("bad parameters and prices are refused")
    func refusals() {
        #expect(throws: VolatilityError.nonPositive(field: "priceUnitsPerDollar", value: 0)) {
            try LULDParameters(tier: .tier1, priceUnitsPerDollar: 0)
        }
        #expect(throws: VolatilityError.nonPositive(field: "reference price", value: 0)) {
            try LULDBands(reference: 0, parameters: Self.tier1, doubled: false)
        }
        #expect(throws: VolatilityError.priceTooLarge(Int64.max / 100)) {
            try LULDBands(reference: Int64.max / 100, parameters: Self.tier1, doubled: false)
        }
        #expect(throws: VolatilityError.self) { try OvernightCollar(basisPoints: 0) }
        var window = ReferencePriceWindow(windowNanos: 1)
        #expect(throws: VolatilityError.nonPositive(field: "trade price", value: -1)) {
            try window.record(price: -1, at: 0)
        }
    }

    @Test("reference window: mean of the prints of the last 5 minutes, halves rounded up")
    func referenceWindow() throws {
        let second: Int64 = 1_000_000_000
        var window = ReferencePriceWindow(windowNanos: 300 * second)
        try window.record(price: 100, at: 0)
        try window.record(price: 101, at: 60 * second)
        #expect(window.mean == 101)                 // 100.5 rounds up
        try window.record(price: 104, at: 299 * second)
        #expect(window.mean == 102)                 // 305 / 3 = 101.67
        window.expire(now: 300 * second)            // the print at 0 leaves
        #expect(window.count == 2)
        #expect(window.mean == 103)                 // 102.5 rounds up
        window.expire(now: 1_000 * second)
        #expect(window.mean == nil)
    }

    @Test("the reference price moves only when the mean moves by 1% or more")
    func referenceThreshold() throws {
        var luld = LimitUpLimitDown(parameters: Self.tier1)
        luld.start(reference: 100_000)
        try luld.record(tradePrice: 100_900, at: 1)
        #expect(luld.referencePrice == 100_000)     // 0.9%
        try luld.record(tradePrice: 101_100, at: 2)
        #expect(luld.referencePrice == 101_000)     // mean 101 000: 1%
    }

    @Test("limit state: bid at the upper band or offer at the lower band, 15 s to a pause")
    func limitState() throws {
        var luld = LimitUpLimitDown(parameters: Self.tier1)
        luld.start(reference: 100_000)
        let b = try LULDBands(reference: 100_000, parameters: Self.tier1, doubled: false)
        var changed: Bool
        changed = luld.observe(bestBid: 104_900, bestAsk: 105_100, bands: b, now: 10)
        #expect(!changed)
        changed = luld.observe(bestBid: 105_000, bestAsk: nil, bands: b, now: 20)
        #expect(changed)
        #expect(luld.limitState == LimitState(side: .buy, since: 20))
        #expect(luld.pauseDue == Int64(15_000_000_020))
        changed = luld.observe(bestBid: 105_000, bestAsk: nil, bands: b, now: 30)
        #expect(!changed)   // still since 20
        changed = luld.observe(bestBid: 94_000, bestAsk: 95_000, bands: b, now: 40)
        #expect(changed)   // limit down now
        #expect(luld.limitState?.side == .sell)
        changed = luld.observe(bestBid: 99_000, bestAsk: 101_000, bands: b, now: 50)
        #expect(changed)
        #expect(luld.limitState == nil)
    }

    @Test("overnight collar: 5% of the last close by default, configurable in basis points")
    func collar() throws {
        var collar = try OvernightCollar(reference: 100_000)
        #expect(try collar.band() == PriceBand(lower: 95_000, upper: 105_000))
        try collar.recentre(on: 106_000)
        #expect(try collar.band() == PriceBand(lower: 100_700, upper: 111_300))
        let wide = try OvernightCollar(basisPoints: 1_000, reference: 100_000)
        #expect(try wide.band() == PriceBand(lower: 90_000, upper: 110_000))
        #expect(try OvernightCollar().band() == nil)
    }
}
