extension MarketSession {
    /// Whether LULD bands apply now: configured, regular hours, continuous, not halted.
    var isLULDActive: Bool {
        state.luld != nil && state.inRegularHours && state.halt == nil && state.phase == .continuous
    }

    /// Whether the overnight collar applies now: a 24x7 market outside regular hours.
    var isCollarActive: Bool {
        state.collar != nil && !state.inRegularHours && state.halt == nil
    }

    /// After anything that may move the book or the clock: age the LULD window,
    /// refresh the band the book enforces, and update the limit state.
    mutating func afterBookChange(at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        guard isLULDActive else { return }
        state.luld?.expire(now: time)
        let bands = try currentLULDBands(at: time)
        try refreshBand(at: time, events: &events)
        let before = state.luld?.limitState
        guard state.luld?.observe(bestBid: book.bestBid, bestAsk: book.bestAsk, bands: bands, now: time) == true else {
            return
        }
        if let entered = state.luld?.limitState {
            events.append(.limitStateEntered(entered))
        } else if before != nil {
            events.append(.limitStateEnded)
        }
    }

    /// The limit state's 15 s ran out: pause if the book still sits at a band.
    mutating func pauseIfStillLimited(at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        try afterBookChange(at: time, events: &events)
        guard let limit = state.luld?.limitState, let parameters = state.luld?.parameters,
              limit.since + parameters.limitStateNanos <= time
        else { return }
        state.luld?.clearLimitState()
        try halt(.limitStatePause, at: time, lasting: parameters.pauseNanos, events: &events)
    }

    /// An order met a price beyond the overnight collar: halt and reopen by auction.
    mutating func haltForCollar(at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        guard let collar = state.collar else { return }
        try halt(.collar, at: time, lasting: collar.haltNanos, events: &events)
    }

    private mutating func halt(
        _ reason: HaltReason, at time: Int64, lasting duration: Int64, events: inout [SessionEvent]
    ) throws(SessionError) {
        let (end, overflow) = time.addingReportingOverflow(duration)
        guard !overflow else { throw .timeOutOfRange(time) }
        let halt = Halt(reason: reason, since: time, reopensAt: end)
        state.halt = halt
        state.lastPublication = nil
        var out: [BookEvent] = []
        book.setTradingState(.halted, events: &out)
        for event in out { events.append(.book(event)) }
        setPhase(.halted, events: &events)
        events.append(.halted(halt))
    }

    /// Restates the session's reference prices after a share-count change: the LULD
    /// reference and its window, the collar's centre and the official close. The band
    /// the book enforces follows at once, so orders re-entered at the new prices stay
    /// inside it.
    public mutating func applyShareCountChange(_ change: ShareCountChange, at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        try advance(to: time, events: &events)
        state.luld?.rescale(change)
        state.collar?.rescale(change)
        state.officialClose = state.officialClose.flatMap(change.price)
        try refreshBand(at: time, events: &events)
    }

    /// Re-centres the collar, mapping its errors.
    mutating func recentreCollar(on price: Int64) throws(SessionError) {
        do { try state.collar?.recentre(on: price) } catch { throw .volatility(error) }
    }

    /// Sets the band the book enforces (LULD bands, the collar, or none) and reports a change.
    mutating func refreshBand(at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        let band: PriceBand?
        if state.halt != nil || state.phase == .closed {
            band = nil
        } else if isLULDActive {
            band = try currentLULDBands(at: time)?.priceBand
        } else if isCollarActive {
            do { band = try state.collar?.band() } catch { throw .volatility(error) }
        } else {
            band = nil
        }
        guard band != book.priceBand else { return }
        book.priceBand = band
        events.append(.priceBandChanged(band))
    }

    private func currentLULDBands(at time: Int64) throws(SessionError) -> LULDBands? {
        guard let luld = state.luld, let day = state.tradingDay else { return nil }
        let open = try nanos(day.regularOpen), close = try nanos(day.regularClose)
        do {
            return try luld.bands(now: time, regularOpen: open, regularClose: close)
        } catch {
            throw .volatility(error)
        }
    }
}
