/// A continuous price-time priority order book for one market.
///
/// A value type: copying a book copies its state, and `snapshot()` /
/// `init(snapshot:)` serialize it to bytes and back exactly. Every command takes the
/// time it happens at (nanoseconds since the Unix epoch, passed in: the book reads no
/// clock) and appends what happened to a caller-owned `[BookEvent]` buffer, which the
/// caller may clear and reuse. Nothing here allocates per command once the pools have
/// grown, uses floating point, or iterates an unordered collection to decide anything.
///
/// The session engine drives the book through `setTradingState`, `uncross`,
/// `expireDayOrders`, `expireOrders(asOf:)`, `restingOrders(on:)` and `priceBand`.
public struct OrderBook: Sendable {
    /// The rules every order and amend is checked against.
    public let rules: MarketRules
    /// Whether the book matches; change it with `setTradingState(_:events:)`.
    public internal(set) var state: TradingState
    /// The price of the latest trade (continuous or uncross), if any.
    public internal(set) var lastTradePrice: Int64?
    /// When set, continuous matching trades only at prices inside the band: an incoming
    /// order that meets a resting price outside it stops there (a `priceBandReached`
    /// event), and its remainder rests if its time in force allows (the book may then be
    /// crossed, which the session engine resolves by halting and reopening by auction)
    /// or is cancelled with `CancelReason.priceBand`.
    public var priceBand: PriceBand?

    var orders: ContiguousArray<OrderSlot> = []
    var freeOrders: ContiguousArray<Int32> = []
    /// Level pool; levels 0 and 1 hold the buy and sell market orders waiting for an
    /// auction and are never part of a `BookSide`.
    var levels: ContiguousArray<PriceLevel> = []
    var freeLevels: ContiguousArray<Int32> = []
    var bids = BookSide()
    var asks = BookSide()
    var index: OrderIndex
    /// The next priority stamp.
    var nextSequence: UInt64 = 1
    /// Good-till-date orders in the pool, and a lower bound of their expiries (reset when
    /// none is left): `expireOrders(asOf:)`, called on every command, walks the book only
    /// when one may be due.
    var goodTillDateCount = 0
    var earliestExpiry = Int64.max

    static let buyMarketLevel: Int32 = 0
    static let sellMarketLevel: Int32 = 1

    /// An empty book in the given state (continuous by default).
    public init(rules: MarketRules, state: TradingState = .continuous, expectedOrders: Int = 1024) {
        self.rules = rules
        self.state = state
        index = OrderIndex(capacity: expectedOrders)
        orders.reserveCapacity(expectedOrders)
        let empty = PriceLevel(price: 0, key: 0, quantity: 0, head: OrderSlot.none, tail: OrderSlot.none, count: 0)
        levels = [empty, empty]
    }

    // MARK: Queries

    /// The number of orders resting (market orders waiting for an auction included).
    public var restingOrderCount: Int { index.count }

    /// The highest bid price, if any.
    public var bestBid: Int64? {
        let level = bids.bestLevel
        return level == OrderSlot.none ? nil : levels[Int(level)].price
    }

    /// The lowest ask price, if any.
    public var bestAsk: Int64? {
        let level = asks.bestLevel
        return level == OrderSlot.none ? nil : levels[Int(level)].price
    }

    /// The resting order with this id, if any.
    public func order(_ id: UInt64) -> RestingOrder? {
        let handle = index.find(id)
        return handle < 0 ? nil : view(handle)
    }

    /// The resting orders of one side in priority order: market orders waiting for an
    /// auction first (in time order), then limit orders best price first, in time order
    /// inside a price.
    public func restingOrders(on side: Side) -> [RestingOrder] {
        var result: [RestingOrder] = []
        forEachLevel(on: side) { level in
            var handle = levels[Int(level)].head
            while handle != OrderSlot.none {
                result.append(view(handle))
                handle = orders[Int(handle)].next
            }
        }
        return result
    }

    /// The limit price levels of one side, best first: price, open quantity (reserve
    /// included) and number of orders.
    public func depth(on side: Side) -> [(price: Int64, quantity: Int64, orders: Int)] {
        var result: [(price: Int64, quantity: Int64, orders: Int)] = []
        (side == .buy ? bids : asks).forEachLevel { handle in
            let level = levels[Int(handle)]
            result.append((level.price, level.quantity, Int(level.count)))
            return true
        }
        return result
    }

    /// Calls `body` with the market level, then every limit level of `side`, best first.
    func forEachLevel(on side: Side, _ body: (Int32) -> Void) {
        body(side == .buy ? Self.buyMarketLevel : Self.sellMarketLevel)
        (side == .buy ? bids : asks).forEachLevel { level in
            body(level)
            return true
        }
    }

    func view(_ handle: Int32) -> RestingOrder {
        let slot = orders[Int(handle)]
        return RestingOrder(
            id: slot.id, owner: slot.owner, side: slot.side,
            price: slot.level < 2 ? nil : slot.price, remaining: slot.remaining,
            displayed: slot.displayed, displayQuantity: slot.peak == 0 ? nil : slot.peak,
            timeInForce: slot.timeInForce, postOnly: slot.postOnly,
            selfTradePrevention: slot.selfTradePrevention, sequence: slot.sequence)
    }

    // MARK: Pool and level plumbing

    @inline(__always)
    mutating func allocateOrder(_ slot: OrderSlot) -> Int32 {
        if slot.lifetime == .goodTillDate {
            goodTillDateCount += 1
            earliestExpiry = min(earliestExpiry, slot.expiresAt)
        }
        if let handle = freeOrders.popLast() {
            orders[Int(handle)] = slot
            return handle
        }
        orders.append(slot)
        return Int32(truncatingIfNeeded: orders.count - 1)
    }

    /// Appends an allocated order to the back of its price level (creating the level),
    /// giving it a new priority stamp. The slot's price, side and open quantity say
    /// where it goes.
    @inline(__always)
    mutating func link(_ handle: Int32) {
        // Field reads and single mutating calls per element: one access (bounds and
        // uniqueness check) each, and loads that match the stores that wrote them.
        let price = orders[Int(handle)].price
        let side = orders[Int(handle)].side
        let levelHandle: Int32
        if price == 0 {
            levelHandle = side == .buy ? Self.buyMarketLevel : Self.sellMarketLevel
        } else {
            let key = BookSide.ladderKey(ordinal: rules.tickTable.ordinal(of: price), side)
            let listed = side == .buy ? bids.level(at: key) : asks.level(at: key)
            if listed != OrderSlot.none {
                levelHandle = listed
            } else {
                levelHandle = newLevel(price: price, key: key)
                if side == .buy {
                    bids.insert(key: key, level: levelHandle)
                } else {
                    asks.insert(key: key, level: levelHandle)
                }
            }
        }
        let tail = levels[Int(levelHandle)].tail
        orders[Int(handle)].enqueue(after: tail, level: levelHandle, sequence: nextSequence)
        nextSequence &+= 1
        if tail != OrderSlot.none { orders[Int(tail)].next = handle }
        levels[Int(levelHandle)].append(handle, quantity: orders[Int(handle)].remaining)
    }

    /// An empty level from the pool.
    @inline(__always)
    mutating func newLevel(price: Int64, key: Int64) -> Int32 {
        let level = PriceLevel(
            price: price, key: key, quantity: 0, head: OrderSlot.none, tail: OrderSlot.none, count: 0)
        if let reused = freeLevels.popLast() {
            levels[Int(reused)] = level
            return reused
        }
        levels.append(level)
        return Int32(truncatingIfNeeded: levels.count - 1)
    }

    /// Takes an order out of its level's FIFO, removing the level if it empties. The
    /// slot stays allocated and indexed.
    @inline(__always)
    mutating func unlink(_ handle: Int32) {
        let prev = orders[Int(handle)].prev
        let next = orders[Int(handle)].next
        let levelHandle = orders[Int(handle)].level
        if prev != OrderSlot.none { orders[Int(prev)].next = next }
        if next != OrderSlot.none { orders[Int(next)].prev = prev }
        let left = levels[Int(levelHandle)].remove(
            prev: prev, next: next, quantity: orders[Int(handle)].remaining)
        if left == 0 && levelHandle >= 2 { levelEmptied(levelHandle, orders[Int(handle)].side) }
    }

    /// Unlists a limit level of `side` that just emptied and returns it to the pool.
    @inline(__always)
    mutating func levelEmptied(_ level: Int32, _ side: Side) {
        let key = levels[Int(level)].key
        if side == .buy { bids.remove(key: key) } else { asks.remove(key: key) }
        freeLevels.append(level)
    }

    /// Unlinks an order and forgets it.
    @inline(__always)
    mutating func removeOrder(_ handle: Int32) {
        unlink(handle)
        release(handle)
    }

    /// Frees an unlinked order's slot and index entry.
    @inline(__always)
    mutating func release(_ handle: Int32) {
        if orders[Int(handle)].lifetime == .goodTillDate {
            goodTillDateCount -= 1
            if goodTillDateCount == 0 { earliestExpiry = .max }
        }
        index.remove(orders[Int(handle)].id)
        freeOrders.append(handle)
    }
}
