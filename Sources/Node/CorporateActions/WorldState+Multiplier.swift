/// Share-count changes (forward splits, reverse splits, stock dividends) as a change
/// of a token's multiplier, scheduled with a nonce and the prior value so that a
/// stale or conflicting change is refused (docs/corporate-actions.md).
extension WorldState {
    /// Largest multiplier: a factor of 10^18 (10^36 in 18-decimal fixed point).
    public static let maximumMultiplier: UInt128 = TokenState.unitMultiplier * TokenState.unitMultiplier
    /// Smallest multiplier: 10^-12.
    public static let minimumMultiplier: UInt128 = 1_000_000

    /// The issuer schedules `token`'s multiplier to become `newMultiplier` at the
    /// first block at or after `effectiveAt`. `nonce` must be the next multiplier
    /// nonce and `prior` the current multiplier; one change may be scheduled at a time.
    public mutating func scheduleMultiplierChange(
        caller: Address, token: Address, newMultiplier: UInt128, effectiveAt: UInt64, nonce: UInt64, prior: UInt128, block: BlockContext
    ) throws(Revert) -> [LedgerEvent] {
        guard caller == system.issuer else { throw Revert("caller is not the issuer") }
        guard let info = tokens[token], info.kind == .share else { throw Revert("no share token at \(token)") }
        var asset = corporate.asset(token)
        if let scheduled = asset.scheduledMultiplier {
            throw Revert("multiplier change \(scheduled.nonce) is already scheduled for time \(scheduled.effectiveAt)")
        }
        guard nonce == asset.multiplierNonce + 1 else {
            throw Revert("multiplier nonce \(nonce) does not match: the next nonce is \(asset.multiplierNonce + 1)")
        }
        guard prior == info.multiplier else {
            throw Revert("prior multiplier \(Amount.format(prior, decimals: 18)) does not match the current multiplier "
                         + Amount.format(info.multiplier, decimals: 18))
        }
        guard newMultiplier != prior else { throw Revert("the new multiplier equals the current one") }
        guard newMultiplier >= Self.minimumMultiplier, newMultiplier <= Self.maximumMultiplier else {
            throw Revert("multiplier must be between 0.000000000001 and 1000000000000000000")
        }
        guard ShareUnits.shares(raw: info.totalSupply, multiplier: newMultiplier).uint128 != nil else {
            throw Revert("the supply in shares would exceed 2^128 share units")
        }
        guard effectiveAt > block.timestamp, effectiveAt - block.timestamp <= Self.dividendMaximumLead else {
            throw Revert("effective time \(effectiveAt) must be after the current block time \(block.timestamp) and within 366 days")
        }
        let change = MultiplierChange(nonce: nonce, prior: prior, multiplier: newMultiplier, effectiveAt: effectiveAt,
                                      scheduledInBlock: block.number)
        asset.scheduledMultiplier = change
        store(asset, token: token)
        writeCorporate(.multiplierChange(token: token, nonce: nonce)) { $0.set(change, token: token) }
        var schedule = corporate.schedule
        schedule.schedule(.multiplier(token: token), at: effectiveAt)
        store(schedule)
        return [.corporateAction(.multiplierScheduled(token: token, nonce: nonce, prior: prior, multiplier: newMultiplier,
                                                      effectiveAt: effectiveAt))]
    }

    /// Makes `token`'s scheduled multiplier change effective: the new multiplier, the
    /// next epoch, the history entry's block. Returns the change (nil if none).
    mutating func makeMultiplierEffective(token: Address, block: BlockContext) -> MultiplierChange? {
        var asset = corporate.asset(token)
        guard var change = asset.scheduledMultiplier, var info = tokens[token] else { return nil }
        info.multiplier = change.multiplier
        setToken(token, info)
        change.effectiveInBlock = block.number
        asset.multiplierNonce = change.nonce
        asset.scheduledMultiplier = nil
        store(asset, token: token)
        writeCorporate(.multiplierChange(token: token, nonce: change.nonce)) { $0.set(change, token: token) }
        return change
    }
}
