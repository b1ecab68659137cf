/// Raw token units and shares under a corporate-action multiplier (raw × multiplier /
/// 10^18 = shares; 10^18 is 1.0). Shares are counted in 10^-18 units like `Quantity`.
public enum ShareConversion {
    /// 10^18: the multiplier of 1.0 and the raw units of one token.
    public static let one: UInt128 = 1_000_000_000_000_000_000

    /// Shares for `raw` units, rounded down (a split's dust stays with the holder's
    /// raw balance, never minted into shares); nil when it does not fit 128 bits.
    public static func shares(raw: UInt128, multiplier: UInt128) -> UInt128? {
        let product = raw.multipliedFullWidth(by: multiplier)
        guard product.high < one else { return nil }
        return one.dividingFullWidth(product).quotient
    }

    /// Raw units for exactly `shares` shares; nil when the multiplier does not divide
    /// them exactly (a mint must back every unit with whole reserve, no rounding), or
    /// when the result does not fit.
    public static func raw(shares: UInt128, multiplier: UInt128) -> UInt128? {
        guard multiplier > 0 else { return nil }
        let product = shares.multipliedFullWidth(by: one)
        guard product.high < multiplier else { return nil }
        let (quotient, remainder) = multiplier.dividingFullWidth(product)
        return remainder == 0 ? quotient : nil
    }
}
