import Matching

/// Runs every market's session clock to a block's time, before the block's
/// transactions: phase changes, auctions (settled like any fill), DAY and GTD
/// expiries, halts and reopenings happen at the first block at or after their time.
/// Markets run in id order; then each 24x7 market whose reference session market has
/// a new official close re-centres its overnight collar on it. A halted asset's
/// markets (a pause on the chain or either token) do not run until it is lifted.
public enum ExchangeClock {
    /// Advances the markets to `block.timestamp`; returns what happened.
    public static func advance(_ state: inout WorldState, block: BlockContext) -> [ExchangeEvent] {
        guard !state.markets.isEmpty, let now = try? ExchangeContract.nanos(block) else { return [] }
        var out: [ExchangeEvent] = []
        let ids = state.markets.keys.sorted()
        for id in ids {
            guard let m = state.markets[id], ExchangeCompliance.haltRestriction(state, m.definition) == nil,
                  m.session.state.now.map({ $0 < now }) ?? true else { continue }
            let events = state.updateMarket(id) { (market) -> [SessionEvent] in
                var events: [SessionEvent] = []
                try? market.session.advance(to: now, events: &events)
                return events
            } ?? []
            out.append(contentsOf: state.settle(events, market: id))
        }
        for id in ids {
            guard let m = state.markets[id], let reference = m.definition.referenceMarket,
                  let close = state.markets[reference]?.session.state.officialClose, close != m.appliedReferenceClose,
                  ExchangeCompliance.haltRestriction(state, m.definition) == nil else { continue }
            let events = state.updateMarket(id) { (market) -> [SessionEvent] in
                var events: [SessionEvent] = []
                try? market.session.setOfficialClose(close, at: now, events: &events)
                market.appliedReferenceClose = close
                return events
            } ?? []
            out.append(contentsOf: state.settle(events, market: id))
        }
        return out
    }
}
