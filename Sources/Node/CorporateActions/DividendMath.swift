/// The integer arithmetic of dividends: points, USD amounts and withholding, all
/// exact (full-width products, floor divisions).
///
/// A point is 10^-36 USD unit: a dividend of `a` USD units per share on a token with
/// multiplier `m` (18 decimals) pays `a × m` points per raw unit, exactly, because a
/// raw unit is `m / 10^18` of a share-unit and a share is 10^18 share-units.
public enum DividendMath {
    /// Points per USD unit.
    public static let pointScale: UInt128 = 1_000_000_000_000_000_000_000_000_000_000_000_000
    /// Largest accepted `amountPerShare`: one million USD per share.
    public static let maximumAmountPerShare: UInt128 = 1_000_000 * 1_000_000
    /// Basis points in one.
    public static let basisPoints: UInt128 = 10_000

    /// `raw × pointsPerRawUnit` in points (cannot overflow 256 bits).
    public static func points(raw: UInt128, perRawUnit: UInt128) -> UInt256 {
        let p = raw.multipliedFullWidth(by: perRawUnit)
        return UInt256(high: p.high, low: p.low)
    }

    /// `⌊points / 10^36⌋` USD units, or nil beyond 128 bits.
    public static func usd(points: UInt256) -> UInt128? {
        guard points.high < pointScale else { return nil }
        return pointScale.dividingFullWidth((points.high, points.low)).quotient
    }

    /// `⌊raw × pointsPerRawUnit / 10^36⌋` USD units, or nil beyond 128 bits.
    public static func usd(raw: UInt128, perRawUnit: UInt128) -> UInt128? {
        usd(points: points(raw: raw, perRawUnit: perRawUnit))
    }

    /// Withholding on `gross` at `category`'s default rate, rounded down (the holder
    /// gets the sub-unit remainder).
    public static func withholding(gross: UInt128, category: TaxCategory) -> UInt128 {
        let p = gross.multipliedFullWidth(by: UInt128(category.defaultWithholdingBasisPoints))
        // The rate is at most 10,000 basis points, so the quotient fits.
        return basisPoints.dividingFullWidth((p.high, p.low)).quotient
    }
}
