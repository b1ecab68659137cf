/// The multiplier epoch orders are checked against, and the hook that adjusts resting
/// orders when a multiplier change takes effect (`CorporateActions.applyMultiplierChange`).
extension WorldState {
    /// The asset's multiplier epoch: how many multiplier changes took effect (0 before any).
    public func multiplierEpoch(of asset: Address) -> UInt64 { corporate.asset(asset).multiplierNonce }

    /// Adjusts the resting orders of `token`'s markets for a multiplier change that just
    /// took effect: shares per raw unit went from `change.prior` to `change.multiplier`,
    /// a factor k = multiplier / prior (reduced). A factor too fine to express in 64-bit
    /// terms leaves nothing of any order, so every order is cancelled and refunded.
    /// Returns the exchange's events of the adjustment.
    mutating func adjustOrders(of token: Address, for change: MultiplierChange, block: BlockContext) -> [ExchangeEvent] {
        var (numerator, denominator) = (change.multiplier, change.prior)
        var (x, y) = (numerator, denominator)
        while y != 0 { (x, y) = (y, x % y) }
        if x > 1 { (numerator, denominator) = (numerator / x, denominator / x) }
        guard let n = UInt64(exactly: numerator), let d = UInt64(exactly: denominator) else {
            return (try? adjustOrdersForShareChange(asset: token, numerator: 1, denominator: .max, block: block)) ?? []
        }
        // Throws only for a zero term or a block time out of range, neither of which a took-effect change has.
        return (try? adjustOrdersForShareChange(asset: token, numerator: n, denominator: d, block: block)) ?? []
    }
}
