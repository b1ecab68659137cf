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
            // Before an auction uncrosses the whole book, orders whose owners may no longer trade leave it.
            let last = m.session.state.now
            let refused = last != nil && auctionMayBeDue(m.session, upTo: now)
                ? ExchangeCompliance.refusedOrders(state, m, time: block.timestamp) : []
            let events = state.updateMarket(id) { (market) -> [SessionEvent] in
                var events: [SessionEvent] = []
                if let last { for order in refused { try? market.session.withdraw(order, at: last, events: &events) } }
                try? market.session.advance(to: now, events: &events)
                return events
            } ?? []
            out.append(contentsOf: state.settle(events, market: id, refused: Set(refused)))
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

    /// Whether advancing `session` to `time` may run an auction: a halt's reopening is
    /// due, an XNYS open or close falls in between, or the step may reach a trading day
    /// the session has not seen yet (it ends past the day's after-hours close, or is
    /// longer than 12 hours). A sweep of the book at night costs a lookup per order.
    static func auctionMayBeDue(_ session: MarketSession, upTo time: Int64) -> Bool {
        guard let last = session.state.now else { return false }
        if let halt = session.state.halt, halt.reopensAt <= time { return true }
        guard case .calendar = session.configuration.schedule else { return false }
        guard let day = session.state.tradingDay, time - last < 12 * 3_600_000_000_000 else { return true }
        func nanos(_ seconds: Int64) -> Int64 {
            let (value, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            return overflow ? .max : value
        }
        // Past the day's after-hours close, the next day's open may come before the session learns of that day.
        if nanos(day.afterHoursClose) < time { return true }
        return [day.regularOpen, day.regularClose].contains { nanos($0) > last && nanos($0) <= time }
    }
}
