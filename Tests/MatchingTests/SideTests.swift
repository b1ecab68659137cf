import Testing
@testable import Matching

@Suite("Side")
struct SideTests {
    @Test func oppositeSides() {
        #expect(Side.buy.opposite == .sell)
        #expect(Side.sell.opposite == .buy)
        #expect(Side(rawValue: 2) == nil)
    }
}
