import Testing
@testable import Bridge

@Suite("Reserve invariant")
struct ReserveBalanceTests {
    static let share: UInt128 = 1_000_000_000_000_000_000

    @Test func matchedWhenBothSidesAgree() {
        // 100 shares on chain of which 40 were redeemed and are still being withdrawn:
        // 60 supply + 40 in flight == 100 settled in reserve.
        let b = ReserveBalance(supplyShares: 60 * Self.share, redemptionsInFlight: 40 * Self.share,
                               settledReserve: 100 * Self.share, depositsBeingMinted: 0)
        #expect(b.isMatched)
        #expect(b.difference.sign == 0)
    }

    @Test func overIssueAndShortfallAreSigned() {
        let over = ReserveBalance(supplyShares: 101 * Self.share, redemptionsInFlight: 0,
                                  settledReserve: 100 * Self.share, depositsBeingMinted: 0)
        #expect(!over.isMatched)
        #expect(over.difference.sign == 1 && over.difference.magnitude == Self.share)
        let under = ReserveBalance(supplyShares: 99 * Self.share, redemptionsInFlight: 0,
                                   settledReserve: 99 * Self.share, depositsBeingMinted: Self.share)
        #expect(under.difference.sign == -1 && under.difference.magnitude == Self.share)
    }
}
