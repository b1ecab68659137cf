extension OrderBook {
    private static let magic: [UInt8] = Array("ECOB".utf8) + [1]
    /// Bytes per serialized order.
    private static let orderWidth = 1 + 8 * 8 + 3

    /// The book's whole state as bytes: rules, trading state, last trade, price band,
    /// priority counter and every resting order in priority order. `init(snapshot:)`
    /// restores a book that behaves identically from then on.
    public func snapshot() -> [UInt8] {
        var out = SnapshotWriter()
        for byte in Self.magic { out.u8(byte) }
        out.u64(UInt64(rules.tickTable.bands.count))
        for band in rules.tickTable.bands {
            out.i64(band.start)
            out.i64(band.tick)
        }
        for value in [
            rules.lotsPerShare, rules.quantityIncrement, rules.minQuantity, rules.maxQuantity,
            rules.minNotional, rules.maxNotional,
        ] {
            out.i64(value)
        }
        out.u8(rules.postOnlyPolicy.rawValue)
        out.u8(state.rawValue)
        out.optional(lastTradePrice)
        out.optional(priceBand?.lower)
        out.i64(priceBand?.upper ?? 0)
        out.u64(nextSequence)
        out.u64(UInt64(restingOrderCount))
        for side in [Side.buy, Side.sell] {
            forEachLevel(on: side) { level in
                var handle = levels[Int(level)].head
                while handle != OrderSlot.none {
                    let slot = orders[Int(handle)]
                    out.u8(slot.side.rawValue)
                    out.u64(slot.id)
                    out.u64(slot.owner)
                    for value in [slot.price, slot.remaining, slot.displayed, slot.peak, slot.expiresAt] {
                        out.i64(value)
                    }
                    out.u64(slot.sequence)
                    out.u8(slot.lifetime.rawValue)
                    out.u8(slot.postOnly ? 1 : 0)
                    out.u8(slot.selfTradePrevention.rawValue)
                    handle = slot.next
                }
            }
        }
        return out.bytes
    }

    /// Restores a book from `snapshot()` bytes, checking every field; bad bytes throw
    /// and restore nothing.
    public init(snapshot bytes: [UInt8]) throws(SnapshotError) {
        var input = SnapshotReader(bytes)
        for byte in Self.magic { guard try input.u8() == byte else { throw .notASnapshot } }
        let bandCount = try input.count("tick band count", width: 16)
        var bands: [TickTable.Band] = []
        for _ in 0..<bandCount { bands.append(TickTable.Band(start: try input.i64(), tick: try input.i64())) }
        var values: [Int64] = []
        for _ in 0..<6 { values.append(try input.i64()) }
        guard let policy = PostOnlyPolicy(rawValue: try input.u8()) else { throw .invalidField("post-only policy") }
        let rules: MarketRules
        do {
            rules = try MarketRules(
                tickTable: TickTable(bands: bands), lotsPerShare: values[0], quantityIncrement: values[1],
                minQuantity: values[2], maxQuantity: values[3], minNotional: values[4], maxNotional: values[5],
                postOnlyPolicy: policy)
        } catch {
            throw .invalidRules(error)
        }
        guard let state = TradingState(rawValue: try input.u8()) else { throw .invalidField("trading state") }
        let lastTrade = try input.optional("last trade price")
        let bandLower = try input.optional("price band")
        let bandUpper = try input.i64()
        let nextSequence = try input.u64()
        let count = try input.count("order count", width: Self.orderWidth)

        var book = OrderBook(rules: rules, state: state, expectedOrders: max(count, 16))
        book.lastTradePrice = lastTrade
        book.priceBand = bandLower.map { PriceBand(lower: $0, upper: bandUpper) }
        var lastSide = Side.buy
        for _ in 0..<count {
            guard let side = Side(rawValue: try input.u8()) else { throw .invalidField("order side") }
            let id = try input.u64()
            let owner = try input.u64()
            let price = try input.i64()
            let remaining = try input.i64()
            let displayed = try input.i64()
            let peak = try input.i64()
            let expiresAt = try input.i64()
            let sequence = try input.u64()
            guard let lifetime = OrderSlot.Lifetime(rawValue: try input.u8()) else {
                throw .invalidField("order time in force")
            }
            let postOnly = try input.bool("order post-only flag")
            guard let stp = SelfTradePrevention(rawValue: try input.u8()) else {
                throw .invalidField("order self-trade prevention")
            }
            guard side.rawValue >= lastSide.rawValue else { throw .invalidField("order side sequence") }
            lastSide = side
            guard id != 0, book.index.find(id) < 0 else { throw .invalidField("order id \(id)") }
            guard price == 0 || rules.tickTable.isValid(price) else { throw .invalidField("price of order \(id)") }
            guard remaining > 0, displayed > 0, displayed <= remaining, peak >= 0,
                peak == 0 ? displayed == remaining : displayed <= peak
            else { throw .invalidField("quantities of order \(id)") }
            guard sequence < nextSequence else { throw .invalidField("sequence of order \(id)") }
            guard lifetime == .goodTillDate || expiresAt == Int64.max else {
                throw .invalidField("expiry of order \(id)")
            }
            let handle = book.allocateOrder(
                OrderSlot(
                    id: id, owner: owner, price: price, remaining: remaining, displayed: displayed, peak: peak,
                    expiresAt: expiresAt, sequence: 0, prev: OrderSlot.none, next: OrderSlot.none,
                    level: OrderSlot.none, side: side, lifetime: lifetime, postOnly: postOnly,
                    selfTradePrevention: stp))
            book.index.insert(id, handle)
            book.link(handle)
            // Inside a level, FIFO order is priority order: stamps must increase.
            let previous = book.orders[Int(handle)].prev
            guard previous == OrderSlot.none || book.orders[Int(previous)].sequence < sequence else {
                throw .invalidField("priority order at order \(id)")
            }
            book.orders[Int(handle)].sequence = sequence
        }
        guard input.isAtEnd else { throw .trailingBytes }
        book.nextSequence = nextSequence
        self = book
    }
}

extension OrderBook: Equatable {
    /// Two books are equal when their snapshots are: same rules, state and resting
    /// orders in the same priority.
    public static func == (lhs: OrderBook, rhs: OrderBook) -> Bool {
        lhs.snapshot() == rhs.snapshot()
    }
}
