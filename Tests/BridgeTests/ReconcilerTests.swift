import Custody
import Node
import Testing
@testable import Bridge

@Suite("Reconciler")
struct ReconcilerTests {
    static let share: UInt128 = 1_000_000_000_000_000_000
    static let aapl = try! ISIN("US0378331005")

    static func position(supply: UInt128, inFlight: UInt128 = 0, settled: UInt128, minting: UInt128 = 0,
                         unminted: [(String, UInt128)] = [], unprocessed: [(UInt64, UInt128)] = [], symbol: String? = "AAPL") -> ReservePosition {
        ReservePosition(
            isin: aapl, symbol: symbol,
            balance: ReserveBalance(supplyShares: supply * share, redemptionsInFlight: inFlight * share,
                                    settledReserve: settled * share, depositsBeingMinted: minting * share),
            unmintedDeposits: unminted.map { ($0.0, $0.1 * share) }, unprocessedRedemptions: unprocessed.map { ($0.0, $0.1 * share) })
    }

    @Test func matchedWithRedemptionsInFlightAndDepositsBeingMinted() {
        let line = Reconciler.line(Self.position(supply: 60, inFlight: 40, settled: 95, minting: 5))
        #expect(line.isMatched)
        #expect(line.causes.isEmpty)
    }

    @Test func anUnmintedDepositExplainsTheShortfall() {
        let line = Reconciler.line(Self.position(supply: 5000, settled: 5100, unminted: [("ST-1", 100)]))
        #expect(!line.isMatched)
        #expect(line.balance.difference.sign == -1 && line.balance.difference.magnitude == 100 * Self.share)
        #expect(line.causes == [.unmintedDeposit(references: ["ST-1"], shares: 100 * Self.share)])
    }

    @Test func anUnprocessedRedemptionExplainsTheShortfall() {
        let line = Reconciler.line(Self.position(supply: 5060, settled: 5100, unprocessed: [(1, 40)]))
        #expect(line.causes == [.unprocessedRedemption(ids: [1], shares: 40 * Self.share)])
    }

    @Test func supplyAboveTheReserveIsAnOverIssue() {
        let line = Reconciler.line(Self.position(supply: 5060, settled: 5059))
        #expect(line.causes == [.overIssue(shares: Self.share)])
        #expect(line.balance.difference.sign == 1)
    }

    @Test func aShortfallNothingExplainsIsAnUnexplainedSurplus() {
        let line = Reconciler.line(Self.position(supply: 5000, settled: 5003, unminted: [("ST-1", 2)]))
        #expect(line.causes == [.unmintedDeposit(references: ["ST-1"], shares: 2 * Self.share), .unexplainedSurplus(shares: Self.share)])
    }

    @Test func pendingWorkThatWouldOverIssueIsNamed() {
        // Minting the 100 and booking the redemption would leave the chain 1 share over.
        let line = Reconciler.line(Self.position(supply: 5000, settled: 5099, unminted: [("ST-1", 100)], unprocessed: [(7, 0)]))
        #expect(line.causes.contains(.unmintedDeposit(references: ["ST-1"], shares: 100 * Self.share)))
        #expect(line.causes.last == .overIssue(shares: Self.share))
    }

    @Test func custodyHoldingWithoutATokenIsABreak() {
        let line = Reconciler.line(Self.position(supply: 0, settled: 10, symbol: nil))
        #expect(line.causes.first == .noToken)
        #expect(!line.isMatched)
    }

    @Test func sidesBeyond128BitsCompareWithoutTrapping() {
        let b = ReserveBalance(supplyShares: .max, redemptionsInFlight: 2, settledReserve: .max, depositsBeingMinted: 1)
        #expect(b.chainSide == nil)
        #expect(b.difference.sign == 1 && b.difference.magnitude == 1)
        #expect(!b.isMatched)
    }

    @Test func theMultiplierTurnsRawUnitsIntoShares() {
        // 1.0: one raw token is one share.
        #expect(ShareConversion.shares(raw: 60 * Self.share, multiplier: ShareConversion.one) == 60 * Self.share)
        // After a 2-for-1 split (multiplier 2.0) 60 raw tokens are 120 shares.
        #expect(ShareConversion.shares(raw: 60 * Self.share, multiplier: 2 * ShareConversion.one) == 120 * Self.share)
        // After a 1-for-3 reverse split, 1 raw unit is a third of 10^-18 share: rounded down.
        let third = ShareConversion.one / 3
        #expect(ShareConversion.shares(raw: 1, multiplier: third) == 0)
        #expect(ShareConversion.shares(raw: 3 * Self.share, multiplier: third) == 999_999_999_999_999_999)
        // A mint is exact or refused.
        #expect(ShareConversion.raw(shares: 120 * Self.share, multiplier: 2 * ShareConversion.one) == 60 * Self.share)
        #expect(ShareConversion.raw(shares: 1, multiplier: 2 * ShareConversion.one) == nil)
        #expect(ShareConversion.raw(shares: Self.share, multiplier: 0) == nil)
        #expect(ShareConversion.shares(raw: .max, multiplier: .max) == nil)
    }

    @Test func aSplitChainSideReconcilesAgainstCustodyShares() {
        // 50 raw tokens at multiplier 2.0 are 100 shares, backed by 100 settled shares.
        let supply = ShareConversion.shares(raw: 50 * Self.share, multiplier: 2 * ShareConversion.one)!
        let line = Reconciler.line(ReservePosition(
            isin: Self.aapl, symbol: "AAPL",
            balance: ReserveBalance(supplyShares: supply, redemptionsInFlight: 0, settledReserve: 100 * Self.share, depositsBeingMinted: 0)))
        #expect(line.isMatched)
    }

    @Test func depositIdAndStatementReferenceAreKeccakDerivations() throws {
        // Expected values computed independently with eth_utils.keccak (Python).
        #expect(DepositId.of(reference: "DEP-1").hex == "0xd66d659162a939746cfc8642a0ce934adcfec493c65f4e47f13a951031893a04")
        #expect(ReserveBridge.statementReference(account: try SafekeepingAccount("RSV-OMNIBUS-01"), statementId: "OPEN-1", isin: Self.aapl)
            == "ST-4886efd19d47bd0702c875259d4f411e")
    }

    @Test func positionsJoinChainAssetsCustodyOnlyHoldingsAndUnprocessedRedemptions() throws {
        let msft = try ISIN("US5949181045")
        let token = try Address(hex: "0x4141504C00000000000000000000000000000000")
        // AAPL split 2-for-1: 2,530 raw tokens are 5,060 shares.
        let assets = [ChainAsset(address: token, symbol: "AAPL", isin: Self.aapl, multiplier: 2 * ShareConversion.one, totalSupply: 2_530 * Self.share)]
        var custody = CustodyReserve()
        custody.settled = [Self.aapl: 5_100 * Self.share, msft: 7 * Self.share]
        let redemption = ChainRedemption(
            Redemption(id: 3, token: token, holder: try Address(hex: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
                       amount: 20 * Self.share, brokerageAccountRef: "BRK-1", blockNumber: 9),
            blockTimestamp: nil)
        let positions = try Reconciler.positions(chain: assets, custody: custody, unprocessed: [redemption])
        #expect(positions.map(\.isin) == [Self.aapl, msft])
        #expect(positions[0].balance.supplyShares == 5_060 * Self.share)
        #expect(positions[0].unprocessedRedemptions.map(\.id) == [3])
        #expect(positions[0].unprocessedRedemptions.map(\.shares) == [40 * Self.share])
        #expect(positions[1].symbol == nil && positions[1].balance.settledReserve == 7 * Self.share)
        let lines = Reconciler.reconcile(positions)
        #expect(lines[0].causes == [.unprocessedRedemption(ids: [3], shares: 40 * Self.share)])
        #expect(lines[1].causes.first == .noToken)
    }
}
