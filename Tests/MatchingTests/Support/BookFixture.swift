import Matching

/// A book plus the events of the last command, so rule tests read as scripts.
struct BookFixture {
    var book: OrderBook
    var events: [BookEvent] = []

    init(rules: MarketRules? = nil, state: TradingState = .continuous) throws {
        book = OrderBook(rules: try rules ?? MarketRules(tickTable: .uniform(tick: 1)), state: state)
    }

    @discardableResult
    mutating func run(_ command: BookCommand, at time: Int64 = 0) -> [BookEvent] {
        events.removeAll()
        book.apply(command, at: time, events: &events)
        return events
    }

    @discardableResult
    mutating func limit(
        _ id: UInt64, _ side: Side, _ price: Int64, _ quantity: Int64, owner: UInt64? = nil,
        tif: TimeInForce = .goodTillCancel, display: Int64? = nil, postOnly: Bool = false,
        stp: SelfTradePrevention = .cancelNewest, at time: Int64 = 0
    ) -> [BookEvent] {
        run(
            .place(
                .limit(
                    id: id, owner: owner ?? id, side: side, price: price, quantity: quantity, timeInForce: tif,
                    displayQuantity: display, postOnly: postOnly, selfTradePrevention: stp)), at: time)
    }

    @discardableResult
    mutating func market(
        _ id: UInt64, _ side: Side, _ quantity: Int64, owner: UInt64? = nil, tif: TimeInForce = .immediateOrCancel
    ) -> [BookEvent] {
        run(.place(.market(id: id, owner: owner ?? id, side: side, quantity: quantity, timeInForce: tif)))
    }

    /// (maker, taker, price, quantity) of every execution in `events`.
    static func fills(_ events: [BookEvent]) -> [[Int64]] {
        events.compactMap { event in
            guard case .executed(let e) = event else { return nil }
            return [Int64(e.maker), Int64(e.taker), e.price, e.quantity]
        }
    }

    /// The rejection reason in `events`, if any.
    static func rejection(_ events: [BookEvent]) -> RejectReason? {
        for case .rejected(_, let reason) in events { return reason }
        return nil
    }

    /// (id, quantity, remaining, reason) of every cancellation in `events`.
    static func cancels(_ events: [BookEvent]) -> [Cancellation] {
        events.compactMap { event in
            guard case .cancelled(let c) = event else { return nil }
            return c
        }
    }

    /// Ids of one side in priority order.
    func ids(_ side: Side) -> [UInt64] { book.restingOrders(on: side).map(\.id) }
}
