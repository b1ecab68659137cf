extension MarketSession {
    /// Runs everything scheduled up to `time`, in time order: session boundaries
    /// (pre-market open, opening auction, closing auction, after-hours close with DAY
    /// expiry), LULD pauses due, reopening auctions due; then GTD expiry, the LULD
    /// reference window, bands and limit state at `time`, and an imbalance
    /// publication if one is due. The first call places the market in the phase
    /// scheduled at `time` without replaying earlier days.
    public mutating func advance(to time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        if let last = state.now {
            guard time >= last else { throw .timeWentBackwards(time: time, last: last) }
        } else {
            try start(at: time, events: &events)
        }
        while let last = state.now, let (instant, action) = try nextScheduled(after: last, upTo: time) {
            state.now = instant
            try perform(action, at: instant, events: &events)
        }
        state.now = time
        var out: [BookEvent] = []
        book.expireOrders(asOf: time, events: &out)
        try forward(out, at: time, events: &events)
        try afterBookChange(at: time, events: &events)
        try publishImbalance(at: time, events: &events)
    }

    private enum Scheduled {
        case boundary(SessionBoundary, TradingDay)
        case pause
        case reopen
    }

    /// Places a fresh market in the phase scheduled at `time`.
    private mutating func start(at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        state.now = time
        let seconds = Self.seconds(time)
        let calendar = configuration.schedule.calendar
        let day = (try? calendar.tradingDay(atUTC: seconds)) ?? nil
        state.tradingDay = day
        state.inRegularHours = day?.isRegularHours(atUTC: seconds) ?? false
        var out: [BookEvent] = []
        let phase: SessionPhase
        if configuration.schedule.isAlwaysOpen {
            phase = .continuous
        } else {
            phase = day?.phase(atUTC: seconds) ?? .closed
        }
        if phase != .closed { book.setTradingState(.continuous, events: &out) }
        try forward(out, at: time, events: &events)
        setPhase(phase, events: &events)
        if state.inRegularHours { state.luld?.start(reference: state.officialClose) }
        try refreshBand(at: time, events: &events)
    }

    /// The earliest scheduled action in (`last`, `time`] (pauses and reopenings may be
    /// due at `last` itself); boundaries first when several fall on one instant.
    private mutating func nextScheduled(after last: Int64, upTo time: Int64) throws(SessionError) -> (Int64, Scheduled)? {
        var best: (Int64, Scheduled)?
        if let next = try nextBoundary(after: last), next.instant <= time {
            best = (next.instant, .boundary(next.boundary, next.day))
        }
        if let halt = state.halt, halt.reopensAt <= time, best.map({ halt.reopensAt < $0.0 }) ?? true {
            best = (halt.reopensAt, .reopen)
        }
        if state.halt == nil, isLULDActive, let due = state.luld?.pauseDue, due <= time,
           best.map({ due < $0.0 }) ?? true {
            best = (max(due, last), .pause)
        }
        return best
    }

    /// The first session boundary strictly after `last`, from the cache when it is still ahead.
    private mutating func nextBoundary(after last: Int64) throws(SessionError) -> SessionState.ScheduledBoundary? {
        if let cached = state.nextBoundary, cached.instant > last { return cached }
        state.nextBoundary = nil
        let calendar = configuration.schedule.calendar
        guard var date = try? calendar.timeZone.localDateTime(atUTC: Self.seconds(last)).date else { return nil }
        while let day = (try? calendar.tradingDay(onOrAfter: date)) ?? nil {
            let boundaries: [(SessionBoundary, Int64)] = [
                (.preMarketOpen, day.preMarketOpen), (.regularOpen, day.regularOpen),
                (.regularClose, day.regularClose), (.afterHoursClose, day.afterHoursClose),
            ]
            for (boundary, seconds) in boundaries {
                let instant = try nanos(seconds)
                if instant > last {
                    let next = SessionState.ScheduledBoundary(instant: instant, boundary: boundary, day: day)
                    state.nextBoundary = next
                    return next
                }
            }
            guard let following = try? day.date.adding(days: 1) else { return nil }
            date = following
        }
        return nil
    }

    private mutating func perform(_ action: Scheduled, at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        switch action {
        case .pause: try pauseIfStillLimited(at: time, events: &events)
        case .reopen: try reopen(at: time, events: &events)
        case let .boundary(boundary, day): try cross(boundary, of: day, at: time, events: &events)
        }
    }

    private mutating func cross(
        _ boundary: SessionBoundary, of day: TradingDay, at time: Int64, events: inout [SessionEvent]
    ) throws(SessionError) {
        let alwaysOpen = configuration.schedule.isAlwaysOpen
        var out: [BookEvent] = []
        switch boundary {
        case .preMarketOpen:
            state.tradingDay = day
            state.lastPublication = nil
            guard !alwaysOpen else { return }
            book.setTradingState(.continuous, events: &out)
            try forward(out, at: time, events: &events)
            setPhase(.preMarket, events: &events)
        case .regularOpen:
            state.tradingDay = day
            if alwaysOpen {
                if state.halt != nil { try reopen(at: time, events: &events) }
                state.inRegularHours = true
                state.luld?.start(reference: book.lastTradePrice ?? state.officialClose)
                try refreshBand(at: time, events: &events)
            } else {
                try runOpeningAuction(at: time, events: &events)
            }
        case .regularClose:
            if alwaysOpen {
                state.inRegularHours = false
                state.luld?.stop()
                if let close = book.lastTradePrice ?? state.officialClose {
                    state.officialClose = close
                    try recentreCollar(on: close)
                }
                try refreshBand(at: time, events: &events)
            } else {
                try runClosingAuction(at: time, events: &events)
            }
        case .afterHoursClose:
            book.expireDayOrders(events: &out)
            if !alwaysOpen {
                state.halt = nil
                book.setTradingState(.closed, events: &out)
            }
            try forward(out, at: time, events: &events)
            if !alwaysOpen { setPhase(.closed, events: &events) }
        }
    }

    /// Appends `phaseChanged` if the phase changes.
    mutating func setPhase(_ phase: SessionPhase, events: inout [SessionEvent]) {
        guard phase != state.phase else { return }
        state.phase = phase
        events.append(.phaseChanged(phase))
    }

    /// Whole seconds at or before `nanos` (floor division).
    static func seconds(_ nanos: Int64) -> Int64 {
        nanos >= 0 ? nanos / 1_000_000_000 : (nanos + 1) / 1_000_000_000 - 1
    }
}
