/// An order resting in the book's pool. Orders live in one contiguous array and link
/// to their neighbours in the price level's FIFO by index, so matching walks memory
/// without allocating.
struct OrderSlot: Sendable {
    /// Stored time-in-force kinds of resting orders (IOC and FOK never rest).
    enum Lifetime: UInt8, Sendable {
        case goodTillCancel = 0
        case day = 1
        case goodTillDate = 2
    }

    var id: UInt64
    var owner: UInt64
    /// The limit price; 0 for a market order waiting for an auction.
    var price: Int64
    /// Open quantity, reserve included.
    var remaining: Int64
    /// The shown part of `remaining`; only it has priority.
    var displayed: Int64
    /// The iceberg display size, or 0 for a fully displayed order.
    var peak: Int64
    /// Good-till-date expiry; `Int64.max` otherwise.
    var expiresAt: Int64
    /// Priority stamp: lower entered its level earlier.
    var sequence: UInt64
    var prev: Int32
    var next: Int32
    var level: Int32
    var side: Side
    var lifetime: Lifetime
    var postOnly: Bool
    var selfTradePrevention: SelfTradePrevention

    /// The index value meaning "no order".
    static let none: Int32 = -1

    /// Joins the back of `level` behind `tail` with a new priority stamp.
    @inline(__always)
    mutating func enqueue(after tail: Int32, level: Int32, sequence: UInt64) {
        prev = tail
        next = OrderSlot.none
        self.level = level
        self.sequence = sequence
    }

    /// Sets a new limit price and open quantities (of an unlinked order).
    @inline(__always)
    mutating func reprice(_ price: Int64, remaining: Int64, displayed: Int64) {
        self.price = price
        self.remaining = remaining
        self.displayed = displayed
    }

    /// Takes a partial fill off the displayed slice.
    @inline(__always)
    mutating func take(_ quantity: Int64) {
        remaining -= quantity
        displayed -= quantity
    }

    var timeInForce: TimeInForce {
        switch lifetime {
        case .goodTillCancel: return .goodTillCancel
        case .day: return .day
        case .goodTillDate: return .goodTillDate(expiresAt: expiresAt)
        }
    }
}
