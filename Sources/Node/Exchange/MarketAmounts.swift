import Matching

/// The exact arithmetic of a market's amounts: cash for a number of lots at a price,
/// fees, and the escrow an order needs. All integer; `MarketDefinition.problem`
/// guarantees a fill's cash amount is a whole number of cash units.
public struct MarketAmounts: Sendable {
    public let definition: MarketDefinition
    /// The share token's multiplier (shares per raw unit × 10^18).
    public let multiplier: UInt128

    public init(definition: MarketDefinition, multiplier: UInt128) {
        self.definition = definition
        self.multiplier = multiplier
    }

    /// Cash units for `lots` at `price`: price × lots × lotSize / 10^18, or nil on overflow.
    public func notional(price: Int64, lots: Int64) -> UInt128? {
        guard price > 0, lots >= 0 else { return nil }
        let (a, o1) = UInt128(price).multipliedReportingOverflow(by: UInt128(lots))
        let (b, o2) = a.multipliedReportingOverflow(by: definition.lotSize)
        guard !o1, !o2 else { return nil }
        return b / MarketDefinition.shareUnit
    }

    /// A fee of `bps` basis points on `notional`, rounded down.
    public func fee(_ notional: UInt128, bps: UInt16) -> UInt128 {
        notional / 10_000 * UInt128(bps) + notional % 10_000 * UInt128(bps) / 10_000
    }

    /// What a bid escrows for `lots` at its limit: the notional plus the larger fee. Never
    /// less than what those lots can cost at the limit or better (fees round down per fill).
    public func bidLock(price: Int64, lots: Int64) -> UInt128? {
        guard let n = notional(price: price, lots: lots) else { return nil }
        let (total, overflow) = n.addingReportingOverflow(fee(n, bps: definition.maxFeeBps))
        return overflow ? nil : total
    }

    /// Raw token units for `lots` shares' worth: shares × 10^18 / multiplier, rounded up
    /// so that an ask always escrows at least what it sells (exact at multiplier 1).
    public func askLock(lots: Int64) -> UInt128? {
        guard lots >= 0, multiplier > 0 else { return nil }
        let (shares, o1) = UInt128(lots).multipliedReportingOverflow(by: definition.lotSize)
        guard !o1 else { return nil }
        let (scaled, o2) = shares.multipliedReportingOverflow(by: MarketDefinition.shareUnit)
        if !o2 { return (scaled + multiplier - 1) / multiplier }
        // Very large quantities: divide first; the result is the same ceiling.
        let q = shares / multiplier, r = shares % multiplier
        let (whole, o3) = q.multipliedReportingOverflow(by: MarketDefinition.shareUnit)
        let (part, o4) = r.multipliedReportingOverflow(by: MarketDefinition.shareUnit)
        guard !o3, !o4 else { return nil }
        let (sum, o5) = whole.addingReportingOverflow((part + multiplier - 1) / multiplier)
        return o5 ? nil : sum
    }

    /// What an order needs escrowed for `lots` open at `price`.
    public func lock(side: Side, price: Int64, lots: Int64) -> UInt128? {
        side == .buy ? bidLock(price: price, lots: lots) : askLock(lots: lots)
    }

    /// The token an order on `side` escrows.
    public func lockedToken(_ side: Side) -> Address { side == .buy ? definition.quote : definition.base }
}
