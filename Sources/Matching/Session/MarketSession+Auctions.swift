extension MarketSession {
    /// 09:30: MOO/LOO orders join the book, which uncrosses at one price; unfilled
    /// auction-only orders are cancelled; regular continuous trading and LULD begin
    /// with the opening price (else the previous close) as reference.
    mutating func runOpeningAuction(at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        setPhase(.openingAuction, events: &events)
        let price = try uncross(
            .opening, joining: state.onOpenOrders, reference: state.officialClose ?? book.lastTradePrice,
            at: time, events: &events)
        state.onOpenOrders = []
        state.inRegularHours = true
        state.luld?.start(reference: price ?? state.officialClose ?? book.lastTradePrice)
        setPhase(.continuous, events: &events)
        try refreshBand(at: time, events: &events)
    }

    /// 16:00 (13:00 on early closes): any halt ends, MOC/LOC orders join the book,
    /// which uncrosses at one price; the official close is that price (else the last
    /// trade); after-hours continuous trading begins without bands.
    mutating func runClosingAuction(at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        setPhase(.closingAuction, events: &events)
        state.halt = nil
        let price = try uncross(
            .closing, joining: state.onCloseOrders, reference: book.lastTradePrice ?? state.officialClose,
            at: time, events: &events)
        state.onCloseOrders = []
        state.inRegularHours = false
        state.luld?.stop()
        if let close = price ?? book.lastTradePrice { state.officialClose = close }
        setPhase(.afterHours, events: &events)
        try refreshBand(at: time, events: &events)
    }

    /// The end of a halt: the book uncrosses at one price, continuous trading
    /// resumes, and the LULD reference (or the collar) restarts from that price.
    mutating func reopen(at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        setPhase(.reopeningAuction, events: &events)
        let reference = book.lastTradePrice ?? state.luld?.referencePrice ?? state.collar?.reference
        let price = try uncross(.reopening, joining: [], reference: reference, at: time, events: &events)
        state.halt = nil
        if let price {
            if state.inRegularHours { state.luld?.reset(reference: price) }
            if state.collar != nil { try recentreCollar(on: price) }
        }
        setPhase(.continuous, events: &events)
        try refreshBand(at: time, events: &events)
    }

    /// Puts the book in auction, adds `joining`, uncrosses at the price `CallAuction`
    /// chooses, cancels what is left of `joining` and resumes continuous matching
    /// (which cancels unfilled market orders). Returns the uncross price if anything crossed.
    private mutating func uncross(
        _ kind: AuctionKind, joining: [AuctionOnlyOrder], reference: Int64?, at time: Int64,
        events: inout [SessionEvent]
    ) throws(SessionError) -> Int64? {
        var out: [BookEvent] = []
        book.priceBand = nil
        book.setTradingState(.auction, events: &out)
        for order in joining { book.place(order.bookOrder, at: time, events: &out) }
        let indication = try auctionIndication(including: [], reference: reference)
        out.append(.auctionImbalance(imbalance(kind, indication)))
        var crossed: Int64 = 0
        if let price = indication.price { crossed = book.uncross(at: price, kind: kind, events: &out) }
        for order in joining where order.limitPrice != nil { book.cancelAuctionRemainder(order.id, events: &out) }
        book.setTradingState(.continuous, events: &out)
        try forward(out, at: time, events: &events)
        return crossed > 0 ? indication.price : nil
    }

    /// The indication over the book's resting orders plus `waiting` auction-only orders.
    func auctionIndication(including waiting: [AuctionOnlyOrder], reference: Int64?) throws(SessionError) -> AuctionIndication {
        var orders: [AuctionOrder] = []
        for side in [Side.buy, Side.sell] {
            for resting in book.restingOrders(on: side) {
                orders.append(AuctionOrder(
                    id: resting.id, side: side, price: resting.price, quantity: resting.remaining,
                    sequence: resting.sequence))
            }
        }
        for order in waiting {
            orders.append(AuctionOrder(
                id: order.id, side: order.side, price: order.limitPrice, quantity: order.quantity, sequence: .max))
        }
        do {
            return try CallAuction.indication(orders: orders, referencePrice: reference)
        } catch {
            throw .auction(error)
        }
    }

    func imbalance(_ kind: AuctionKind, _ indication: AuctionIndication) -> AuctionImbalance {
        AuctionImbalance(
            kind: kind, indicativePrice: indication.price, pairedQuantity: indication.pairedQuantity,
            imbalanceQuantity: indication.imbalanceQuantity, imbalanceSide: indication.imbalanceSide)
    }

    /// Publishes the indicative price, paired and imbalance quantities when a new
    /// publication interval has begun: during the opening call (from the opening
    /// imbalance start to the open), the closing call (from the closing imbalance
    /// start to the close) and halts. At most one publication per command: the book
    /// cannot change between commands, so intermediate ones would repeat it.
    mutating func publishImbalance(at time: Int64, events: inout [SessionEvent]) throws(SessionError) {
        let kind: AuctionKind, periodStart: Int64, waiting: [AuctionOnlyOrder], reference: Int64?
        if let halt = state.halt {
            (kind, periodStart, waiting) = (.reopening, halt.since, [])
            reference = book.lastTradePrice ?? state.luld?.referencePrice ?? state.collar?.reference
        } else if let day = state.tradingDay, !configuration.schedule.isAlwaysOpen,
                  state.phase == .preMarket, time >= (try nanos(day.openingImbalanceStart)) {
            (kind, periodStart, waiting) = (.opening, try nanos(day.openingImbalanceStart), state.onOpenOrders)
            reference = state.officialClose ?? book.lastTradePrice
        } else if let day = state.tradingDay, !configuration.schedule.isAlwaysOpen,
                  state.phase == .continuous, time >= (try nanos(day.closingImbalanceStart)) {
            (kind, periodStart, waiting) = (.closing, try nanos(day.closingImbalanceStart), state.onCloseOrders)
            reference = book.lastTradePrice ?? state.officialClose
        } else {
            return
        }
        let index = (time - periodStart) / configuration.imbalanceIntervalNanos
        let publication = SessionState.Publication(periodStart: periodStart, index: index)
        guard state.lastPublication != publication else { return }
        state.lastPublication = publication
        let indication = try auctionIndication(including: waiting, reference: reference)
        events.append(.book(.auctionImbalance(imbalance(kind, indication))))
    }
}
