import Matching

/// Turns what a market's session engine did into ledger effects, atomically within the
/// command: every fill takes the shares out of the seller's escrow and the cash (with
/// the buyer's fee) out of the buyer's, delivers each to the other side and the fees to
/// the market's fee account (delivery versus payment: both legs or none, as the escrows
/// hold both); then every order the command touched has its escrow brought back to what
/// its open quantity needs, the excess released to its owner (price improvement, fills,
/// cancels, expiries), and leaves the record when it leaves the book. Escrow stays in
/// the owner's position (`TokenPosition.escrowed`), so escrowed shares keep their
/// owner's dividend entitlement.
extension WorldState {
    /// Cancel reason code of an order cancelled because its owner may no longer trade.
    static let counterpartyRefused: UInt8 = 100

    /// `refused`: orders cancelled because their owners failed compliance; their
    /// `OrderCancelled` logs carry reason `counterpartyRefused`.
    mutating func settle(_ events: [SessionEvent], market id: UInt32, refused: Set<UInt64> = []) -> [ExchangeEvent] {
        guard let market = markets[id], !events.isEmpty else { return [] }
        let definition = market.definition
        let amounts = MarketAmounts(definition: definition, multiplier: token(definition.base)?.multiplier ?? TokenState.unitMultiplier)
        let lot = definition.lotSize
        var out: [ExchangeEvent] = []
        var touched: [UInt64] = []
        func record(_ order: UInt64) -> ExchangeOrder? { exchangeOrders[ExchangeOrderKey(market: id, id: order)] }

        for event in events {
            switch event {
            case .book(.accepted(let a)):
                touched.append(a.id)
                guard let r = record(a.id) else { continue }
                out.append(.accepted(market: id, order: a.id, owner: r.owner, clientOrderId: r.clientOrderId, side: a.side,
                                     price: a.price ?? 0, quantity: UInt128(a.quantity) * lot))
            case .auctionOrderQueued(let a):
                touched.append(a.id)
                guard let r = record(a.id) else { continue }
                out.append(.accepted(market: id, order: a.id, owner: r.owner, clientOrderId: r.clientOrderId, side: a.side,
                                     price: a.limitPrice ?? 0, quantity: UInt128(a.quantity) * lot))
            case .book(.rejected(let order, let reason)):
                touched.append(order)
                let r = record(order)
                out.append(.rejected(market: id, order: order, owner: r?.owner ?? .zero, clientOrderId: r?.clientOrderId ?? 0,
                                     reason: reason.rawValue, message: reason.description))
            case .rejected(let order, let reason):
                touched.append(order)
                let r = record(order)
                out.append(.rejected(market: id, order: order, owner: r?.owner ?? .zero, clientOrderId: r?.clientOrderId ?? 0,
                                     reason: 100 + reason.rawValue, message: reason.description))
            case .book(.cancelled(let c)):
                touched.append(c.id)
                guard var r = record(c.id) else { continue }
                r.remaining = c.remaining
                setExchangeOrder(ExchangeOrderKey(market: id, id: c.id), r)
                out.append(.cancelled(market: id, order: c.id, owner: r.owner, clientOrderId: r.clientOrderId,
                                      quantity: UInt128(c.quantity) * lot, remaining: UInt128(c.remaining) * lot,
                                      reason: refused.contains(c.id) ? Self.counterpartyRefused : c.reason.rawValue))
            case .book(.replaced(let replacement)):
                touched.append(replacement.id)
                guard var r = record(replacement.id) else { continue }
                r.price = replacement.price
                r.remaining = replacement.remaining
                setExchangeOrder(ExchangeOrderKey(market: id, id: replacement.id), r)
                if replacement.cause == .amend {
                    out.append(.amended(market: id, order: replacement.id, owner: r.owner, clientOrderId: r.clientOrderId,
                                        price: replacement.price, remaining: UInt128(replacement.remaining) * lot))
                }
            case .book(.executed(let e)):
                touched.append(e.maker)
                touched.append(e.taker)
                if let trade = settleFill(e, market: id, amounts) { out.append(trade) }
            case .book(.trade(let print)):
                out.append(.auction(market: id, kind: print.kind.rawValue, price: print.price, quantity: UInt128(print.quantity) * lot))
            default:
                break
            }
        }
        touched.sort()
        var previous: UInt64?
        for order in touched where order != previous {
            previous = order
            reconcile(order, market: id, amounts)
        }
        return out
    }

    /// Settles one fill out of escrow; nil if either order has no record (which the
    /// exchange never lets happen: every order in a book has one).
    private mutating func settleFill(_ e: Execution, market id: UInt32, _ amounts: MarketAmounts) -> ExchangeEvent? {
        let definition = amounts.definition
        let buyer: UInt64, seller: UInt64
        switch e.takerSide {
        case .none: (buyer, seller) = (e.taker, e.maker)
        case .buy?: (buyer, seller) = (e.taker, e.maker)
        case .sell?: (buyer, seller) = (e.maker, e.taker)
        }
        let buyKey = ExchangeOrderKey(market: id, id: buyer), sellKey = ExchangeOrderKey(market: id, id: seller)
        guard var b = exchangeOrders[buyKey], var s = exchangeOrders[sellKey],
              let cash = amounts.notional(price: e.price, lots: e.quantity) else { return nil }
        // Continuous: the maker pays the maker rate, the taker the taker rate; an uncross
        // has no taker, and both sides pay the maker rate.
        let makerFee = amounts.fee(cash, bps: definition.makerFeeBps)
        let takerFee = amounts.fee(cash, bps: e.takerSide == nil ? definition.makerFeeBps : definition.takerFeeBps)
        let buyerIsMaker = e.takerSide == .sell
        let buyerFee = buyerIsMaker || e.takerSide == nil ? makerFee : takerFee
        let sellerFee = buyerIsMaker ? takerFee : makerFee

        b.remaining -= e.quantity
        s.remaining -= e.quantity
        let sellLock = amounts.askLock(lots: s.remaining) ?? s.locked
        let delivered = s.locked - min(s.locked, sellLock)
        s.locked -= delivered
        // The bid's escrow covers the fill at its limit with the taker fee, so it covers
        // this one (at the limit or better); the buyer pays from it.
        let paid = min(b.locked, cash + buyerFee)
        b.locked -= paid
        setExchangeOrder(buyKey, b)
        setExchangeOrder(sellKey, s)

        updatePosition(s.owner, definition.base) { $0.escrowed -= delivered }
        moveBalance(token: definition.base, from: s.owner, to: b.owner, amount: delivered)
        updatePosition(b.owner, definition.quote) { $0.escrowed -= paid }
        moveBalance(token: definition.quote, from: b.owner, to: s.owner, amount: cash - sellerFee)
        moveBalance(token: definition.quote, from: b.owner, to: definition.feeAccount, amount: buyerFee + sellerFee)
        let maker = e.takerSide == .sell ? b : s
        let taker = e.takerSide == .sell ? s : b
        return .trade(market: id, maker: e.maker, taker: e.taker, makerOwner: maker.owner, takerOwner: taker.owner,
                      takerSide: e.takerSide?.rawValue ?? 2, price: e.price, quantity: UInt128(e.quantity) * definition.lotSize,
                      cash: cash, makerFee: buyerIsMaker ? buyerFee : sellerFee, takerFee: buyerIsMaker ? sellerFee : buyerFee)
    }

    /// Brings an order's escrow back to what its open quantity needs, returning the
    /// excess; an order no longer in the book gets all of it back and its record goes.
    mutating func reconcile(_ order: UInt64, market id: UInt32, _ amounts: MarketAmounts) {
        let key = ExchangeOrderKey(market: id, id: order)
        guard var r = exchangeOrders[key] else { return }
        let token = amounts.lockedToken(r.side)
        if let waiting = markets[id]?.session.waitingOrder(order) {
            // Outside the book until its auction: its terms are the queued order's (a
            // share-count change may have re-entered it), its escrow stays as placed.
            r.remaining = waiting.quantity
            r.price = waiting.limitPrice ?? r.price
            if exchangeOrders[key] != r { setExchangeOrder(key, r) }
            return
        }
        guard let resting = markets[id]?.session.book.order(order), let price = resting.price else {
            release(r.locked, of: token, to: r.owner)
            setExchangeOrder(key, nil)
            return
        }
        r.remaining = resting.remaining
        r.price = price
        let needed = amounts.lock(side: r.side, price: price, lots: resting.remaining) ?? r.locked
        if r.locked > needed {
            release(r.locked - needed, of: token, to: r.owner)
            r.locked = needed
        }
        if exchangeOrders[key] != r { setExchangeOrder(key, r) }
    }

    /// Returns `amount` of an order's escrow to its owner's free balance.
    private mutating func release(_ amount: UInt128, of token: Address, to owner: Address) {
        guard amount > 0 else { return }
        updatePosition(owner, token) { $0.escrowed -= amount }
    }
}
