/// A cash dividend declared on a share token (state key tag 0x09, by id).
///
/// USD amounts are cash-token units (6 decimals). Points are USD units scaled by
/// `DividendMath.pointScale` (10^36) per raw token unit; see docs/corporate-actions.md.
public struct Dividend: Sendable, Equatable {
    /// Chain-wide, sequential from 1.
    public var id: UInt64
    /// The share token.
    public var token: Address
    /// Position of this dividend among the token's dividends (0 for the first); the
    /// token's dividends are recorded in this order.
    public var sequence: UInt64
    /// Who declared and funded it; gets the funding not needed at record and the reclaim.
    public var funder: Address
    /// USD units per whole share (10^18 share units), as declared.
    public var amountPerShare: UInt128
    /// The token's multiplier at declaration: the dividend is per share at that moment,
    /// so a split before the record point does not change anyone's USD entitlement.
    public var multiplier: UInt128
    /// `amountPerShare × multiplier`: USD units × 10^36 per raw unit.
    public var pointsPerRawUnit: UInt128
    /// Block timestamp from which balances no longer count (see the record rule).
    public var recordTime: UInt64
    /// Block timestamp from which holders may claim and the custodian may push.
    public var payTime: UInt64
    /// Raw supply at declaration; mints beyond it are refused until the record point.
    public var fundedRawSupply: UInt128
    /// USD locked at declaration: `⌊fundedRawSupply × pointsPerRawUnit / 10^36⌋`.
    public var funded: UInt128
    /// Whether the record point has been applied.
    public var isRecorded: Bool
    /// Raw supply at the record point (0 before).
    public var recordedRawSupply: UInt128
    /// USD the holders of record are entitled to in total before per-holder rounding:
    /// `⌊recordedRawSupply × pointsPerRawUnit / 10^36⌋` (0 before the record point).
    public var entitled: UInt128
    /// Funding returned to the funder at the record point (`funded - entitled`).
    public var refunded: UInt128
    /// Raw units of record whose holders' entitlements are settled (fixed per holder).
    public var settledRawSupply: UInt128
    /// Sum of the settled holders' gross entitlements.
    public var settledGross: UInt128
    /// USD paid to holders (net of withholding).
    public var paidNet: UInt128
    /// USD withheld and moved to the withholding account.
    public var withheld: UInt128
    /// USD returned to the funder by `reclaimDividend` (0 while open).
    public var reclaimed: UInt128
    /// Whether the funder reclaimed what was left; no more payments then.
    public var isReclaimed: Bool

    public init(id: UInt64, token: Address, sequence: UInt64, funder: Address, amountPerShare: UInt128, multiplier: UInt128,
                pointsPerRawUnit: UInt128, recordTime: UInt64, payTime: UInt64, fundedRawSupply: UInt128, funded: UInt128,
                isRecorded: Bool = false, recordedRawSupply: UInt128 = 0, entitled: UInt128 = 0, refunded: UInt128 = 0,
                settledRawSupply: UInt128 = 0, settledGross: UInt128 = 0, paidNet: UInt128 = 0, withheld: UInt128 = 0,
                reclaimed: UInt128 = 0, isReclaimed: Bool = false) {
        self.id = id
        self.token = token
        self.sequence = sequence
        self.funder = funder
        self.amountPerShare = amountPerShare
        self.multiplier = multiplier
        self.pointsPerRawUnit = pointsPerRawUnit
        self.recordTime = recordTime
        self.payTime = payTime
        self.fundedRawSupply = fundedRawSupply
        self.funded = funded
        self.isRecorded = isRecorded
        self.recordedRawSupply = recordedRawSupply
        self.entitled = entitled
        self.refunded = refunded
        self.settledRawSupply = settledRawSupply
        self.settledGross = settledGross
        self.paidNet = paidNet
        self.withheld = withheld
        self.reclaimed = reclaimed
        self.isReclaimed = isReclaimed
    }

    /// Gross USD paid out so far (net plus withheld).
    public var paidGross: UInt128 { paidNet + withheld }

    /// USD still held for this dividend by the dividends account: unpaid
    /// entitlements plus the rounding dust, until reclaimed.
    public var outstanding: UInt128 { entitled - paidGross - reclaimed }

    /// The rounding dust (`entitled` minus the holders' gross entitlements), known
    /// exactly once every raw unit of record is settled; nil before.
    public var dust: UInt128? {
        isRecorded && settledRawSupply == recordedRawSupply ? entitled - settledGross : nil
    }

    /// Where the dividend stands at block time `time`.
    public func status(at time: UInt64) -> DividendStatus {
        if isReclaimed { return .reclaimed }
        if !isRecorded && time < recordTime { return .declared }
        return time < payTime ? .recorded : .payable
    }
}
