/// One market's session engine: the order book plus the trading calendar (or 24x7
/// schedule), the opening, closing and reopening call auctions, MOO/LOO/MOC/LOC
/// orders, DAY expiry, LULD bands with limit states and trading pauses, and the
/// overnight collar of 24x7 markets.
///
/// Time is passed in with every command (nanoseconds since the Unix epoch, UTC) and
/// must not go backwards. Before a command runs, everything scheduled up to its
/// time happens first, in time order (`advance(to:events:)`). A value type:
/// a copy is a snapshot; `snapshot()` gives bytes-plus-state for storage.
public struct MarketSession: Sendable {
    /// The configuration.
    public let configuration: MarketConfiguration
    /// The order book.
    public internal(set) var book: OrderBook
    /// The session state.
    public internal(set) var state: SessionState

    /// A market whose book follows `rules`; it is closed until its first command.
    public init(configuration: MarketConfiguration, rules: MarketRules) {
        self.configuration = configuration
        self.book = OrderBook(rules: rules, state: .closed)
        var state = SessionState()
        state.luld = configuration.luld.map(LimitUpLimitDown.init(parameters:))
        state.collar = configuration.schedule.isAlwaysOpen ? configuration.collar : nil
        self.state = state
    }

    /// Restores a market from `snapshot()`; bad book bytes throw and restore nothing.
    public init(configuration: MarketConfiguration, snapshot: MarketSessionSnapshot) throws(SnapshotError) {
        self.configuration = configuration
        self.book = try OrderBook(snapshot: snapshot.book)
        self.state = snapshot.state
    }

    /// The book's bytes and the session state.
    public func snapshot() -> MarketSessionSnapshot {
        MarketSessionSnapshot(book: book.snapshot(), state: state)
    }

    /// The current phase.
    public var phase: SessionPhase { state.phase }

    // MARK: Commands

    /// Places an order in the book at `time`.
    public mutating func place(_ order: NewOrder, at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        try advance(to: time, events: &events)
        if isWaiting(order.id) {
            events.append(.book(.rejected(id: order.id, reason: .duplicateOrderID)))
            return
        }
        try bookCommand(at: time, events: &events) { book, out in book.place(order, at: time, events: &out) }
    }

    /// Cancels an order: a waiting auction-only order before its cut-off, or a resting order.
    public mutating func cancel(_ id: UInt64, at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        try advance(to: time, events: &events)
        for timing in [AuctionOnlyOrder.Timing.onOpen, .onClose] {
            guard let position = waiting(timing).firstIndex(where: { $0.id == id }) else { continue }
            guard let cutoff = cutoff(timing), time < cutoff else {
                events.append(.rejected(id: id, reason: .auctionEntryClosed))
                return
            }
            let order = timing == .onOpen
                ? state.onOpenOrders.remove(at: position) : state.onCloseOrders.remove(at: position)
            events.append(.book(.cancelled(Cancellation(id: id, quantity: order.quantity, remaining: 0, reason: .requested))))
            return
        }
        try bookCommand(at: time, events: &events) { book, out in book.cancel(id, events: &out) }
    }

    /// Removes an order whatever its auction's entry window: a waiting auction-only order
    /// (even after its cut-off) or a resting order. For the venue's own removals, such as
    /// an owner who may no longer trade before an auction uncrosses, not for an owner's
    /// request, which `cancel` checks against the cut-off.
    public mutating func withdraw(_ id: UInt64, at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        try advance(to: time, events: &events)
        for timing in [AuctionOnlyOrder.Timing.onOpen, .onClose] {
            guard let position = waiting(timing).firstIndex(where: { $0.id == id }) else { continue }
            let order = timing == .onOpen ? state.onOpenOrders.remove(at: position) : state.onCloseOrders.remove(at: position)
            events.append(.book(.cancelled(Cancellation(id: id, quantity: order.quantity, remaining: 0, reason: .requested))))
            return
        }
        try bookCommand(at: time, events: &events) { book, out in book.cancel(id, events: &out) }
    }

    /// Takes lots off a resting order, keeping its priority.
    public mutating func reduce(_ id: UInt64, by quantity: Int64, at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        try advance(to: time, events: &events)
        try bookCommand(at: time, events: &events) { book, out in book.reduce(id, by: quantity, events: &out) }
    }

    /// Amends a resting order's price and/or quantity (see `OrderBook.amend`).
    public mutating func amend(
        _ id: UInt64, price: Int64?, quantity: Int64?, at time: Int64, events: inout [SessionEvent]
    ) throws(SessionError) {
        try advance(to: time, events: &events)
        try bookCommand(at: time, events: &events) { book, out in
            book.amend(id, price: price, quantity: quantity, events: &out)
        }
    }

    /// Enters a MOO/LOO or MOC/LOC order for the current trading day's auction.
    ///
    /// Accepted from the pre-market open (04:00 ET) until the cut-off (exclusive):
    /// 09:28 for on-open orders, 15:50 (12:50 on early closes) for on-close orders.
    public mutating func place(_ order: AuctionOnlyOrder, at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        try advance(to: time, events: &events)
        guard !configuration.schedule.isAlwaysOpen, let day = state.tradingDay else {
            events.append(.rejected(id: order.id, reason: .noAuctionScheduled))
            return
        }
        guard let cutoff = cutoff(order.timing), time >= (try nanos(day.preMarketOpen)), time < cutoff else {
            events.append(.rejected(id: order.id, reason: .auctionEntryClosed))
            return
        }
        if let reason = book.validate(order.bookOrder, at: time) {
            events.append(.book(.rejected(id: order.id, reason: reason)))
            return
        }
        if isWaiting(order.id) {
            events.append(.book(.rejected(id: order.id, reason: .duplicateOrderID)))
            return
        }
        switch order.timing {
        case .onOpen: state.onOpenOrders.append(order)
        case .onClose: state.onCloseOrders.append(order)
        }
        events.append(.auctionOrderQueued(order))
    }

    /// Sets the official close a 24x7 market's collar is centred on (for example the
    /// listing exchange's published closing price).
    public mutating func setOfficialClose(_ price: Int64, at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        try advance(to: time, events: &events)
        guard price > 0 else { throw .volatility(.nonPositive(field: "official close", value: price)) }
        state.officialClose = price
        if state.collar != nil {
            try recentreCollar(on: price)
            try refreshBand(at: time, events: &events)
        }
    }

    // MARK: Helpers shared by the extensions

    /// Runs one book command, forwards its events and reacts to its trades.
    mutating func bookCommand(
        at time: Int64, events: inout [SessionEvent], _ body: (inout OrderBook, inout [BookEvent]) -> Void
    ) throws(SessionError) {
        var out: [BookEvent] = []
        body(&book, &out)
        try forward(out, at: time, events: &events)
        try afterBookChange(at: time, events: &events)
    }

    /// Appends book events and records their trade prints for the LULD reference price.
    mutating func forward(_ bookEvents: [BookEvent], at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        for event in bookEvents {
            events.append(.book(event))
            switch event {
            case .executed(let execution) where execution.takerSide != nil:
                try recordTrade(execution.price, at: time)
            case .trade(let print):
                try recordTrade(print.price, at: time)
            case .priceBandReached:
                if state.halt == nil, isCollarActive { try haltForCollar(at: time, events: &events) }
            default:
                break
            }
        }
    }

    private mutating func recordTrade(_ price: Int64, at time: Int64) throws(SessionError) {
        guard isLULDActive else { return }
        do { try state.luld?.record(tradePrice: price, at: time) } catch { throw .volatility(error) }
    }

    func waiting(_ timing: AuctionOnlyOrder.Timing) -> [AuctionOnlyOrder] {
        timing == .onOpen ? state.onOpenOrders : state.onCloseOrders
    }

    func isWaiting(_ id: UInt64) -> Bool { waitingOrder(id) != nil }

    /// The auction-only orders waiting for their auction, outside the book: the
    /// opening auction's, then the closing auction's, each in arrival order.
    public var waitingOrders: [AuctionOnlyOrder] { state.onOpenOrders + state.onCloseOrders }

    /// The auction-only order `id`, if it is waiting for its auction.
    public func waitingOrder(_ id: UInt64) -> AuctionOnlyOrder? {
        state.onOpenOrders.first { $0.id == id } ?? state.onCloseOrders.first { $0.id == id }
    }

    /// The entry and cancel cut-off of today's auction, if there is one.
    func cutoff(_ timing: AuctionOnlyOrder.Timing) -> Int64? {
        guard let day = state.tradingDay, !configuration.schedule.isAlwaysOpen else { return nil }
        return try? nanos(timing == .onOpen ? day.onOpenCutoff : day.onCloseCutoff)
    }

    /// Seconds to nanoseconds, checked.
    func nanos(_ seconds: Int64) throws(SessionError) -> Int64 {
        let (value, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { throw .timeOutOfRange(seconds) }
        return value
    }
}
