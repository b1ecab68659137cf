import Matching

/// The exchange system contract at `SystemAddress.exchange` (`ExchangeInterface`):
/// orders are transactions.
///
/// A command first checks everything that can refuse it (calldata, market, halt,
/// multiplier epoch, the trader's compliance, tick and lot, funds) and reverts with the
/// reason, changing nothing; then escrows the order's funds, runs the market's session
/// engine at the block time and settles what happened (`WorldState.settle`). Nothing
/// after the book command can revert, which is what lets `WorldState` journal a book
/// once per block rather than per order. What the book itself refuses for the state
/// it is in (closed, in an auction for IOC/FOK, post-only that would trade) is an
/// `OrderRejected` log: the transaction succeeds and only the nonce changes.
enum ExchangeContract {
    typealias I = ExchangeInterface

    static func call(_ state: inout WorldState, sender: Address, data: [UInt8], block: BlockContext) throws(Revert) -> CallResult {
        guard let selector = ABISelector(calldata: data) else { throw Revert("calldata shorter than a selector") }
        switch selector {
        case I.placeOrder.selector, I.placeOrderAtEpoch.selector:
            let function = selector == I.placeOrder.selector ? I.placeOrder : I.placeOrderAtEpoch
            let a = try CallArguments(function, calldata: data)
            let (id, events) = try place(&state, sender: sender, a, block: block)
            return CallResult(output: output(function, [.uint(UInt256(id))]), events: events.map(LedgerEvent.exchange))
        case I.cancelOrder.selector:
            let a = try CallArguments(I.cancelOrder, calldata: data)
            let events = try cancel(&state, sender: sender, market: a.uint32(0), orders: [a.uint64(1)], block: block)
            return CallResult(output: output(I.cancelOrder, [.bool(true)]), events: events.map(LedgerEvent.exchange))
        case I.amendOrder.selector, I.amendOrderAtEpoch.selector:
            let function = selector == I.amendOrder.selector ? I.amendOrder : I.amendOrderAtEpoch
            let a = try CallArguments(function, calldata: data)
            let events = try amend(&state, sender: sender, a, block: block)
            return CallResult(output: output(function, [.bool(true)]), events: events.map(LedgerEvent.exchange))
        case I.cancelAll.selector:
            let a = try CallArguments(I.cancelAll, calldata: data)
            let market = try a.uint32(0)
            let mine = state.exchangeOrders.values.filter { $0.market == market && $0.owner == sender }.map(\.id).sorted()
            let events = try cancel(&state, sender: sender, market: market, orders: mine, block: block)
            return CallResult(output: output(I.cancelAll, [.uint(UInt256(UInt64(mine.count)))]), events: events.map(LedgerEvent.exchange))
        case I.listMarket.selector:
            let a = try CallArguments(I.listMarket, calldata: data)
            let event = try list(&state, sender: sender, a)
            guard case .listed(let id, _, _) = event else { return CallResult(output: []) }
            return CallResult(output: output(I.listMarket, [.uint(UInt256(UInt64(id)))]), events: [.exchange(event)])
        case I.getOrder.selector:
            let a = try CallArguments(I.getOrder, calldata: data)
            let key = ExchangeOrderKey(market: try a.uint32(0), id: try a.uint64(1))
            guard let o = state.exchangeOrders[key], let m = state.markets[key.market] else {
                throw Revert("no live order \(key.id) in market \(key.market)")
            }
            return CallResult(output: output(I.getOrder, [
                .address(o.owner), .uint(UInt256(UInt64(o.side.rawValue))), .uint(UInt256(UInt64(o.price))),
                .amount(UInt128(o.remaining) * m.definition.lotSize), .amount(o.locked), .uint(UInt256(o.clientOrderId)),
            ]))
        case I.bestBidAsk.selector:
            let a = try CallArguments(I.bestBidAsk, calldata: data)
            let m = try market(state, try a.uint32(0))
            let book = m.session.book
            return CallResult(output: output(I.bestBidAsk, [
                .uint(UInt256(UInt64(book.bestBid ?? 0))), .uint(UInt256(UInt64(book.bestAsk ?? 0))),
            ]))
        case I.marketCount.selector:
            return CallResult(output: output(I.marketCount, [.uint(UInt256(UInt64(state.markets.count)))]))
        case I.multiplierEpoch.selector:
            let a = try CallArguments(I.multiplierEpoch, calldata: data)
            return CallResult(output: output(I.multiplierEpoch, [.uint(UInt256(state.multiplierEpoch(of: try market(state, try a.uint32(0)).definition.base)))]))
        default:
            throw Revert("unknown function selector \(selector) for the exchange")
        }
    }

    private static func output(_ function: ABIFunction, _ values: [ABIValue]) -> [UInt8] {
        // Values are built above to match the declared output types.
        try! function.encodeOutput(values)
    }

    static func market(_ state: WorldState, _ id: UInt32) throws(Revert) -> Market {
        guard let m = state.markets[id] else {
            throw Revert("unknown market \(id); equity_getMarkets lists the markets (ids 1 to \(state.markets.count))")
        }
        return m
    }

    /// Block time in nanoseconds, the session engine's clock.
    static func nanos(_ block: BlockContext) throws(Revert) -> Int64 {
        guard let seconds = Int64(exactly: block.timestamp) else { throw Revert("block time out of range") }
        let (v, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { throw Revert("block time out of range") }
        return v
    }

    /// The checks every command shares: the market is not halted and the sender may trade.
    private static func admit(_ state: WorldState, _ m: Market, sender: Address, block: BlockContext, trading: Bool) throws(Revert) {
        if let halt = ExchangeCompliance.haltRestriction(state, m.definition) {
            throw Revert("market \(m.definition.symbol) is halted: \(halt.message)")
        }
        if trading, let r = ExchangeCompliance.restriction(state, trader: sender, m.definition, time: block.timestamp) {
            throw Revert("compliance: \(r.message)")
        }
    }

    private static func checkEpoch(_ state: WorldState, _ m: Market, _ a: CallArguments, at index: Int) throws(Revert) {
        guard a.values.count > index else { return }
        let epoch = try a.uint64(index), current = state.multiplierEpoch(of: m.definition.base)
        guard epoch == current else {
            throw Revert("order priced for multiplier epoch \(epoch), but \(m.definition.symbol) is at epoch \(current) "
                         + "(a split or share-count change took effect); reprice and resend")
        }
    }

    /// Quantity in shares (18 decimals) to lots, checked against lot, minimum and maximum.
    private static func lots(_ quantity: UInt128, _ d: MarketDefinition, what: String) throws(Revert) -> Int64 {
        guard quantity % d.lotSize == 0 else {
            throw Revert("\(what) \(Amount.format(quantity, decimals: 18)) is not a multiple of the lot \(Amount.format(d.lotSize, decimals: 18)) shares")
        }
        guard let lots = Int64(exactly: quantity / d.lotSize), lots >= d.minLots, lots <= d.maxLots else {
            throw Revert("\(what) must be from \(Amount.format(UInt128(d.minLots) * d.lotSize, decimals: 18)) to "
                         + "\(Amount.format(UInt128(d.maxLots) * d.lotSize, decimals: 18)) shares")
        }
        return lots
    }

    private static func price(_ value: UInt64, _ d: MarketDefinition) throws(Revert) -> Int64 {
        guard let p = Int64(exactly: value), p > 0 else { throw Revert("price must be positive (cash units per share; market orders are not supported, use an IOC limit)") }
        guard p % d.tick == 0 else { throw Revert("price \(Amount.format(UInt128(p), decimals: 6)) is not on the tick \(Amount.format(UInt128(d.tick), decimals: 6))") }
        return p
    }

    /// Escrows `amount` of `owner`'s `token` in the owner's own position (it stays the
    /// owner's, dividends included, but can no longer be moved), or reverts naming what
    /// is missing.
    private static func escrow(_ state: inout WorldState, _ owner: Address, _ token: Address, _ amount: UInt128) throws(Revert) {
        let available = state.account(owner).position(token).transferable
        guard available >= amount else {
            let info = state.token(token)
            let decimals = Int(info?.decimals ?? 18)
            throw Revert("insufficient \(info?.symbol ?? "balance") for the order: it needs \(Amount.format(amount, decimals: decimals)), "
                         + "available \(Amount.format(available, decimals: decimals))")
        }
        state.updatePosition(owner, token) { $0.escrowed += amount }
    }

    private static func place(_ state: inout WorldState, sender: Address, _ a: CallArguments, block: BlockContext) throws(Revert) -> (UInt64, [ExchangeEvent]) {
        let m = try market(state, try a.uint32(0))
        let d = m.definition
        try admit(state, m, sender: sender, block: block, trading: true)
        try checkEpoch(state, m, a, at: 9)
        guard let side = Side(rawValue: try a.uint8(1)) else { throw Revert("side must be 0 (buy) or 1 (sell)") }
        let limit = try price(try a.uint64(2), d)
        let quantity = try lots(try a.amount(3), d, what: "quantity")
        let now = try nanos(block)
        let tif: TimeInForce
        var auction: AuctionOnlyOrder.Timing?
        switch try a.uint8(4) {
        case 0: tif = .goodTillCancel
        case 1: tif = .day
        case 2:
            let (expiry, overflow) = (Int64(exactly: try a.uint64(5)) ?? .max).multipliedReportingOverflow(by: 1_000_000_000)
            guard !overflow, expiry > now else { throw Revert("a good-till-date expiry must be a time (seconds) after the block time") }
            tif = .goodTillDate(expiresAt: expiry)
        case 3: tif = .immediateOrCancel
        case 4: tif = .fillOrKill
        case 5, 6:
            tif = .day
            auction = try a.uint8(4) == 5 ? .onOpen : .onClose
        default: throw Revert("timeInForce must be 0 GTC, 1 DAY, 2 GTD, 3 IOC, 4 FOK, 5 limit-on-open or 6 limit-on-close")
        }
        let displayShares = try a.amount(6)
        var display: Int64?
        if displayShares > 0 {
            guard displayShares % d.lotSize == 0, let shown = Int64(exactly: displayShares / d.lotSize), shown < quantity else {
                throw Revert("displayQuantity must be a multiple of the lot and below the quantity")
            }
            display = shown
        }
        let flags = try a.uint8(7)
        guard flags < 8 else { throw Revert("flags: bit 0 post-only, bits 1-2 self-trade prevention; other bits must be 0") }
        let postOnly = flags & 1 != 0
        let stp = SelfTradePrevention(rawValue: flags >> 1) ?? .cancelNewest
        if (tif.isImmediate || auction != nil) && (postOnly || display != nil) {
            throw Revert("post-only and iceberg orders must be able to rest in the continuous book (not IOC, FOK or auction-only)")
        }
        let clientOrderId = try a.uint64(8)
        let amounts = MarketAmounts(definition: d, multiplier: state.token(d.base)?.multiplier ?? TokenState.unitMultiplier)
        guard let lock = amounts.lock(side: side, price: limit, lots: quantity) else { throw Revert("order too large") }
        try escrow(&state, sender, amounts.lockedToken(side), lock)

        let id = m.nextOrderId
        state.setExchangeOrder(ExchangeOrderKey(market: d.id, id: id), ExchangeOrder(
            market: d.id, id: id, owner: sender, clientOrderId: clientOrderId, side: side, price: limit, remaining: quantity, locked: lock))
        let order = NewOrder.limit(id: id, owner: owner(sender), side: side, price: limit, quantity: quantity, timeInForce: tif,
                                   displayQuantity: display, postOnly: postOnly, selfTradePrevention: stp)
        // The counterparties: resting orders this one could meet whose owners may no longer trade are cancelled first.
        let refused = auction == nil && !postOnly
            ? ExchangeCompliance.refusedCounterparties(state, m, side: side, price: limit, quantity: quantity, owner: order.owner, time: block.timestamp)
            : []
        let events = state.updateMarket(d.id) { (market) -> [SessionEvent] in
            market.nextOrderId += 1
            var events: [SessionEvent] = []
            for resting in refused { try? market.session.cancel(resting, at: now, events: &events) }
            if let auction {
                let waiting = AuctionOnlyOrder(id: id, owner: order.owner, side: side, limitPrice: limit, quantity: quantity, timing: auction)
                try? market.session.place(waiting, at: now, events: &events)
            } else {
                try? market.session.place(order, at: now, events: &events)
            }
            return events
        } ?? []
        return (id, state.settle(events, market: d.id, refused: Set(refused)))
    }

    private static func amend(_ state: inout WorldState, sender: Address, _ a: CallArguments, block: BlockContext) throws(Revert) -> [ExchangeEvent] {
        let m = try market(state, try a.uint32(0))
        let d = m.definition
        try admit(state, m, sender: sender, block: block, trading: true)
        try checkEpoch(state, m, a, at: 5)
        let key = ExchangeOrderKey(market: d.id, id: try a.uint64(1))
        guard let record = state.exchangeOrders[key], record.owner == sender else {
            throw Revert("order \(key.id) is not a live order of \(sender) in market \(d.id)")
        }
        let rawPrice = try a.uint64(2), rawQuantity = try a.amount(3)
        let newPrice = rawPrice == 0 ? nil : try price(rawPrice, d)
        let newQuantity = rawQuantity == 0 ? nil : try lots(rawQuantity, d, what: "newQuantity")
        let now = try nanos(block)
        let amounts = MarketAmounts(definition: d, multiplier: state.token(d.base)?.multiplier ?? TokenState.unitMultiplier)
        guard let needed = amounts.lock(side: record.side, price: newPrice ?? record.price, lots: newQuantity ?? record.remaining) else {
            throw Revert("order too large")
        }
        if needed > record.locked {
            try escrow(&state, sender, amounts.lockedToken(record.side), needed - record.locked)
            var r = record
            r.locked = needed
            state.setExchangeOrder(key, r)
        }
        let refused = ExchangeCompliance.refusedCounterparties(
            state, m, side: record.side, price: newPrice ?? record.price, quantity: newQuantity ?? record.remaining,
            owner: owner(sender), time: block.timestamp)
        let events = state.updateMarket(d.id) { (market) -> [SessionEvent] in
            var events: [SessionEvent] = []
            for resting in refused { try? market.session.cancel(resting, at: now, events: &events) }
            try? market.session.amend(key.id, price: newPrice, quantity: newQuantity, at: now, events: &events)
            return events
        } ?? []
        return state.settle(events, market: d.id, refused: Set(refused))
    }

    private static func cancel(_ state: inout WorldState, sender: Address, market id: UInt32, orders: [UInt64], block: BlockContext) throws(Revert) -> [ExchangeEvent] {
        let m = try market(state, id)
        try admit(state, m, sender: sender, block: block, trading: false)
        for order in orders {
            guard let record = state.exchangeOrders[ExchangeOrderKey(market: id, id: order)], record.owner == sender else {
                throw Revert("order \(order) is not a live order of \(sender) in market \(id)")
            }
        }
        let now = try nanos(block)
        let events = state.updateMarket(id) { (market) -> [SessionEvent] in
            var events: [SessionEvent] = []
            for order in orders { try? market.session.cancel(order, at: now, events: &events) }
            return events
        } ?? []
        return state.settle(events, market: id)
    }

    /// The issuer lists a market, checked as genesis checks one (docs/genesis.md#markets).
    private static func list(_ state: inout WorldState, sender: Address, _ a: CallArguments) throws(Revert) -> ExchangeEvent {
        guard sender == state.system.issuer else { throw Revert("only the issuer may list markets") }
        let symbol = try a.string(0)
        let valid = symbol.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2e || $0 == 0x2d }
        guard (1...24).contains(symbol.utf8.count), valid else { throw Revert("'\(symbol)' is not a market symbol (1 to 24 of A-Z, 0-9, '.' and '-')") }
        guard !state.markets.values.contains(where: { $0.definition.symbol == symbol }) else { throw Revert("market symbol \(symbol) is taken") }
        let base = try a.address(1)
        guard state.token(base)?.kind == .share else { throw Revert("\(base) is not a share token") }
        // Genesis declares exactly one cash token, so this search has one answer whatever the dictionary's order.
        guard let quote = state.tokens.first(where: { $0.value.kind == .cash })?.key else { throw Revert("the chain has no cash token") }
        guard let schedule = MarketDefinition.Schedule(rawValue: try a.uint8(2)) else { throw Revert("schedule must be 0 (XNYS) or 1 (24x7)") }
        guard let tick = Int64(exactly: try a.uint64(3)) else { throw Revert("tick is too large") }
        let lot = try a.amount(4), minQuantity = try a.amount(5), maxQuantity = try a.amount(6)
        guard lot > 0, minQuantity % lot == 0, maxQuantity % lot == 0, let minLots = Int64(exactly: minQuantity / lot),
              let maxLots = Int64(exactly: maxQuantity / lot) else { throw Revert("lot must be positive and minQuantity and maxQuantity whole lots") }
        guard let maker = UInt16(exactly: try a.uint64(7)), let taker = UInt16(exactly: try a.uint64(8)) else { throw Revert("fees are at most 10000 basis points") }
        let tier = try a.uint8(10)
        guard tier <= 2 else { throw Revert("luldTier must be 0 (none), 1 or 2") }
        let collar = try a.uint64(11), reference = try a.uint32(12)
        if collar != 0 || reference != 0 {
            guard schedule == .alwaysOpen else { throw Revert("only a 24x7 market has an overnight collar") }
        }
        if reference != 0 {
            guard let ref = state.markets[reference], ref.definition.schedule == .xnys, ref.definition.base == base else {
                throw Revert("collarReference must be an XNYS market of the same asset")
            }
        }
        let id = UInt32(state.markets.count + 1)
        let definition = MarketDefinition(
            id: id, symbol: symbol, base: base, quote: quote, schedule: schedule, tick: tick, lotSize: lot, minLots: minLots, maxLots: maxLots,
            makerFeeBps: maker, takerFeeBps: taker, feeAccount: try a.address(9), luldTier: tier == 0 ? nil : LULDTier(rawValue: tier),
            collarBps: collar == 0 ? nil : Int64(clamping: collar), referenceMarket: reference == 0 ? nil : reference)
        if let problem = definition.problem { throw Revert("market \(symbol): \(problem)") }
        do { state.setMarket(try Market(definition: definition)) } catch { throw Revert(error.description) }
        return .listed(market: id, symbol: symbol, base: base)
    }

    /// The book's owner number of an address: self-trade prevention compares it. Its
    /// last 8 bytes; settlement always uses the full address from the order record.
    static func owner(_ address: Address) -> UInt64 { address.w2 }
}
