/// The trades of the last few minutes and their arithmetic mean price, the LULD
/// reference price ("the arithmetic mean price of eligible reported transactions
/// over the immediately preceding five-minute period").
///
/// The mean is of prices, not volume-weighted: each trade print counts once. It
/// is rounded to the nearest price unit, halves up. A trade at time `t` belongs to
/// the window at `now` while `now - window < t <= now`.
public struct ReferencePriceWindow: Sendable, Hashable, Codable {
    /// The window length in nanoseconds.
    public let windowNanos: Int64
    /// Trades as (time, price), oldest first, from `head` on.
    private var trades: [TradePrint] = []
    private var head = 0
    private var priceSum: Int64 = 0

    struct TradePrint: Sendable, Hashable, Codable {
        var time: Int64
        var price: Int64
    }

    public init(windowNanos: Int64) {
        self.windowNanos = windowNanos
    }

    /// The number of trades in the window.
    public var count: Int { trades.count - head }

    /// Adds a trade print at `time` (not earlier than the previous one) and drops
    /// those that left the window.
    public mutating func record(price: Int64, at time: Int64) throws(VolatilityError) {
        guard price > 0 else { throw .nonPositive(field: "trade price", value: price) }
        let (sum, overflow) = priceSum.addingReportingOverflow(price)
        guard !overflow else { throw .priceTooLarge(price) }
        priceSum = sum
        trades.append(TradePrint(time: time, price: price))
        expire(now: time)
    }

    /// Drops trades at or before `now - windowNanos`.
    public mutating func expire(now: Int64) {
        let cutoff = now.subtractingReportingOverflow(windowNanos)
        guard !cutoff.overflow else { return }
        while head < trades.count, trades[head].time <= cutoff.partialValue {
            priceSum -= trades[head].price
            head += 1
        }
        // Compact once the dead prefix dominates, so storage stays proportional to the window.
        if head > 64 && head * 2 > trades.count {
            trades.removeFirst(head)
            head = 0
        }
    }

    /// The mean price of the trades in the window, or nil if there are none.
    public var mean: Int64? {
        let n = Int64(count)
        guard n > 0 else { return nil }
        let quotient = priceSum / n, remainder = priceSum % n
        return remainder * 2 >= n ? quotient + 1 : quotient
    }

    /// Restates the window's prices after a share-count change, as if the trades had
    /// printed at the new prices; forgets them all if one has no new price.
    public mutating func rescale(_ change: ShareCountChange) {
        var rescaled: [TradePrint] = []
        var sum: Int64 = 0
        for trade in trades[head...] {
            guard let price = change.price(trade.price) else {
                reset()
                return
            }
            let (total, overflow) = sum.addingReportingOverflow(price)
            guard !overflow else {
                reset()
                return
            }
            rescaled.append(TradePrint(time: trade.time, price: price))
            sum = total
        }
        trades = rescaled
        head = 0
        priceSum = sum
    }

    /// Forgets every trade (a new trading day).
    public mutating func reset() {
        trades.removeAll()
        head = 0
        priceSum = 0
    }
}
