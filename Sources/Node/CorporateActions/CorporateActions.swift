/// Where corporate actions take effect: at the start of a block, before its first
/// transaction, for everything due at the block's timestamp (the only clock).
///
/// The sequencer calls `beginBlock` when it opens a block (and before sealing an
/// empty one), `BlockExecutor.execute` when a follower replays one, so both reach the
/// same state.
public enum CorporateActions {
    /// Applies every record point and multiplier change due at `block.timestamp`,
    /// in time order, and returns their events (logged at the front of the block's first
    /// receipt). O(1) when nothing is due.
    @discardableResult
    public static func beginBlock(_ state: inout WorldState, _ block: BlockContext) -> [LedgerEvent] {
        guard state.corporate.schedule.hasDue(at: block.timestamp) else { return [] }
        var schedule = state.corporate.schedule
        let due = schedule.takeDue(at: block.timestamp)
        state.store(schedule)
        var events: [LedgerEvent] = []
        for entry in due {
            switch entry {
            case .record(let id): events += state.recordDividend(id)
            case .multiplier(let token):
                if let (change, adjustments) = applyMultiplierChange(&state, token: token, block: block) {
                    events.append(.corporateAction(.multiplierChanged(
                        token: token, nonce: change.nonce, prior: change.prior, multiplier: change.multiplier)))
                    events += adjustments.map(LedgerEvent.exchange)
                }
            }
        }
        return events
    }

    /// A scheduled multiplier change takes effect here, and only here: the token's
    /// multiplier and epoch change. Anything that holds share quantities of the token
    /// outside the ledger's raw balances (resting orders of the exchange) must be
    /// adjusted from this function. Returns the change that took effect (nil if none) and
    /// the exchange's events of the adjustment (each adjusted order's `OrderCancelled`
    /// and `OrderAccepted`), which are logged with the change.
    public static func applyMultiplierChange(
        _ state: inout WorldState, token: Address, block: BlockContext
    ) -> (change: MultiplierChange, adjustments: [ExchangeEvent])? {
        guard let change = state.makeMultiplierEffective(token: token, block: block) else { return nil }
        return (change, state.adjustOrders(of: token, for: change, block: block))
    }
}
