/// The LULD-style volatility control of one market: the reference price, the
/// price bands around it and the limit-state clock.
///
/// The reference price starts from the opening price (or the previous close) and
/// then follows the mean trade price of the last five minutes, moving only when
/// that mean differs from it by at least the update threshold (1%). Bands follow
/// `LULDBands`. A limit state that has not ended after `limitStateNanos` (15 s)
/// is due to become a trading pause of `pauseNanos` (5 minutes), which ends in a
/// reopening auction; `MarketSession` acts on it.
public struct LimitUpLimitDown: Sendable, Hashable, Codable {
    /// The settings.
    public let parameters: LULDParameters
    /// The current reference price, if any trade or opening price has set one.
    public private(set) var referencePrice: Int64?
    /// The trades of the reference window.
    public private(set) var window: ReferencePriceWindow
    /// The current limit state, if any.
    public private(set) var limitState: LimitState?

    public init(parameters: LULDParameters) {
        self.parameters = parameters
        self.window = ReferencePriceWindow(windowNanos: parameters.referenceWindowNanos)
    }

    /// Starts a trading day's bands from `reference` (the opening auction price, or
    /// the previous close when the open does not print), forgetting older trades.
    public mutating func start(reference: Int64?) {
        window.reset()
        referencePrice = reference
        limitState = nil
    }

    /// Stops the control (outside regular hours): no reference, no limit state.
    public mutating func stop() {
        start(reference: nil)
    }

    /// Records a trade print and updates the reference price.
    public mutating func record(tradePrice: Int64, at time: Int64) throws(VolatilityError) {
        try window.record(price: tradePrice, at: time)
        updateReference()
    }

    /// Lets trades age out of the window at `now` and updates the reference price.
    public mutating func expire(now: Int64) {
        window.expire(now: now)
        updateReference()
    }

    /// Restates the reference price and the window's trades after a share-count change,
    /// so the bands follow the new prices; the limit state, if any, stays.
    public mutating func rescale(_ change: ShareCountChange) {
        referencePrice = referencePrice.flatMap(change.price)
        window.rescale(change)
    }

    /// Sets the reference price outright (after a reopening auction: its price).
    public mutating func reset(reference: Int64) {
        window.reset()
        referencePrice = reference
        limitState = nil
    }

    private mutating func updateReference() {
        guard let mean = window.mean else { return }
        guard let current = referencePrice else {
            referencePrice = mean
            return
        }
        // |mean - current| / current >= threshold, compared exactly as
        // |mean - current| * 10 000 >= current * threshold.
        let difference = mean >= current ? mean - current : current - mean
        let (lhs, o1) = difference.multipliedReportingOverflow(by: 10_000)
        let (rhs, o2) = current.multipliedReportingOverflow(by: parameters.referenceUpdateThresholdBasisPoints)
        if o1 || o2 || lhs >= rhs { referencePrice = mean }
    }

    /// The bands at `now` on a day opening at `regularOpen` and closing at
    /// `regularClose`, or nil before a reference price exists.
    public func bands(now: Int64, regularOpen: Int64, regularClose: Int64) throws(VolatilityError) -> LULDBands? {
        guard let reference = referencePrice else { return nil }
        let doubled = LULDBands.isDoubled(
            reference: reference, parameters: parameters, now: now, regularOpen: regularOpen,
            regularClose: regularClose)
        return try LULDBands(reference: reference, parameters: parameters, doubled: doubled)
    }

    /// Updates the limit state from the book's best prices at `now`: limit up while
    /// the best bid is at or above the upper band, limit down while the best offer is
    /// at or below the lower band. Returns true when the state changed.
    @discardableResult
    public mutating func observe(bestBid: Int64?, bestAsk: Int64?, bands: LULDBands?, now: Int64) -> Bool {
        var side: Side?
        if let bands {
            if let bid = bestBid, bid >= bands.upper { side = .buy }
            else if let ask = bestAsk, ask <= bands.lower { side = .sell }
        }
        guard let side else {
            defer { limitState = nil }
            return limitState != nil
        }
        if limitState?.side == side { return false }
        limitState = LimitState(side: side, since: now)
        return true
    }

    /// When the current limit state becomes a trading pause, if it does not end first.
    public var pauseDue: Int64? {
        limitState.map { $0.since + parameters.limitStateNanos }
    }

    /// Ends the limit state (the market paused).
    public mutating func clearLimitState() {
        limitState = nil
    }
}
