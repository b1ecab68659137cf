/// Conversions between raw token units (what the ledger stores) and share units
/// (what ERC-20 views and amounts are in): `shares = raw × multiplier / 10^18`.
///
/// Share amounts given to the ledger must convert to a whole number of raw units;
/// an amount that does not is refused rather than rounded, so a transfer of `x`
/// changes both balances by exactly `x` shares (docs/corporate-actions.md).
public enum ShareUnits {
    /// 10^18, the multiplier of 1.0.
    public static let unit: UInt128 = TokenState.unitMultiplier

    /// `⌊raw × multiplier / 10^18⌋` share units.
    public static func shares(raw: UInt128, multiplier: UInt128) -> UInt256 {
        if multiplier == unit { return UInt256(raw) }
        let p = raw.multipliedFullWidth(by: multiplier)
        return UInt256(high: p.high, low: p.low).quotientAndRemainder(dividingBy: UInt64(unit)).quotient
    }

    /// The raw units that are exactly `shares` share units, or nil when there is no
    /// such whole number (or it exceeds 128 bits).
    public static func raw(shares: UInt128, multiplier: UInt128) -> UInt128? {
        if multiplier == unit { return shares }
        guard multiplier > 0 else { return nil }
        let p = shares.multipliedFullWidth(by: unit)
        guard p.high < multiplier else { return nil }
        let (q, r) = multiplier.dividingFullWidth((p.high, p.low))
        return r == 0 ? q : nil
    }

    /// `raw(shares:multiplier:)`, or a revert that says which neighbours would work.
    static func requireRaw(shares: UInt128, multiplier: UInt128, argument: String) throws(Revert) -> UInt128 {
        if let raw = raw(shares: shares, multiplier: multiplier) { return raw }
        throw Revert("\(argument) \(shares) share units is not a whole number of raw units at multiplier "
                     + "\(Amount.format(multiplier, decimals: 18)); use a multiple of the share-unit step")
    }
}
