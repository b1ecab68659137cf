import Testing
@testable import Matching

/// Reference prices across a share-count change: divided by the factor, rounded down,
/// and dropped when nothing positive (or nothing within 64 bits) is left.
@Suite("Share-count change of reference prices")
struct ShareCountChangeTests {
    @Test func pricesAreDividedByTheFactorRoundedDown() throws {
        let split = try #require(ShareCountChange(numerator: 2, denominator: 1))
        let reverse = try #require(ShareCountChange(numerator: 1, denominator: 10))
        let threeForTwo = try #require(ShareCountChange(numerator: 3, denominator: 2))
        #expect(split.price(190_010_000) == 95_005_000 && split.price(1) == nil)
        #expect(reverse.price(9_500_000) == 95_000_000 && reverse.price(.max) == nil)
        #expect(threeForTwo.price(100_000_000) == 66_666_666)
        #expect(ShareCountChange(numerator: 0, denominator: 1) == nil && ShareCountChange(numerator: 1, denominator: 0) == nil)
    }

    @Test func theLULDWindowAndReferenceAndTheCollarFollow() throws {
        let split = try #require(ShareCountChange(numerator: 2, denominator: 1))
        var luld = LimitUpLimitDown(parameters: try LULDParameters(tier: .tier1))
        luld.start(reference: 100_000_000)
        try luld.record(tradePrice: 101_000_000, at: 1)
        try luld.record(tradePrice: 103_000_000, at: 2)
        // 101 moved the reference by 1% (the threshold); the mean of 102 does not.
        #expect(luld.window.mean == 102_000_000 && luld.referencePrice == 101_000_000)
        luld.rescale(split)
        #expect(luld.referencePrice == 50_500_000)
        #expect(luld.window.mean == 51_000_000 && luld.window.count == 2)
        // A later trade at the new prices averages with the restated ones.
        try luld.record(tradePrice: 51_300_000, at: 3)
        #expect(luld.window.mean == 51_100_000)

        var collar = try OvernightCollar(reference: 190_000_000)
        collar.rescale(split)
        #expect(collar.reference == 95_000_000)
        #expect(try collar.band() == PriceBand(lower: 90_250_000, upper: 99_750_000))
        var tiny = try OvernightCollar(reference: 1)
        tiny.rescale(split)
        #expect(tiny.reference == nil)
        #expect(try tiny.band() == nil)
    }
}
