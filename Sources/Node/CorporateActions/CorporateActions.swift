/// Where corporate actions take effect: at the start of a block, before its first
/// transaction, for everything due at the block's timestamp (the only clock).
///
/// The sequencer calls `beginBlock` when it opens a block (and before sealing an
/// empty one), `BlockExecutor.execute` when a follower replays one, so both reach the
/// same state.
public enum CorporateActions {
    /// Applies every record point and multiplier change due at `block.timestamp`,
    /// in time order. O(1) when nothing is due.
    public static func beginBlock(_ state: inout WorldState, _ block: BlockContext) {
        guard state.corporate.schedule.hasDue(at: block.timestamp) else { return }
        var schedule = state.corporate.schedule
        let due = schedule.takeDue(at: block.timestamp)
        state.store(schedule)
        for entry in due {
            switch entry {
            case .record(let id): state.recordDividend(id)
            case .multiplier(let token): applyMultiplierChange(&state, token: token, block: block)
            }
        }
    }

    /// A scheduled multiplier change takes effect here, and only here: the token's
    /// multiplier and epoch change. Anything that holds share quantities of the token
    /// outside the ledger's raw balances (resting orders of the exchange) must be
    /// adjusted from this function. Returns the change that took effect (nil if none).
    @discardableResult
    public static func applyMultiplierChange(_ state: inout WorldState, token: Address, block: BlockContext) -> MultiplierChange? {
        state.makeMultiplierEffective(token: token, block: block)
    }
}
