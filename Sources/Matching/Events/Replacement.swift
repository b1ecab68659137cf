/// A resting order changed in place: by an amend, or by an iceberg refresh.
public struct Replacement: Sendable, Hashable {
    /// Why an order is replaced.
    public enum Cause: UInt8, Sendable, Hashable {
        /// The owner amended price or quantity.
        case amend = 0
        /// An iceberg's displayed slice was used up and a new slice was shown from the
        /// reserve, at the back of its price level.
        case icebergRefresh = 1
    }

    /// The order's identifier.
    public var id: UInt64
    /// Its limit price now.
    public var price: Int64
    /// Its open quantity now, reserve included, before any trade the amend causes.
    public var remaining: Int64
    /// Its displayed quantity now.
    public var displayed: Int64
    /// True if the order kept its time priority (a pure quantity reduction).
    public var keptPriority: Bool
    /// Why.
    public var cause: Cause

    /// Creates a replacement record.
    public init(id: UInt64, price: Int64, remaining: Int64, displayed: Int64, keptPriority: Bool, cause: Cause) {
        self.id = id
        self.price = price
        self.remaining = remaining
        self.displayed = displayed
        self.keptPriority = keptPriority
        self.cause = cause
    }
}
