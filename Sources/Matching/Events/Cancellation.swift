/// Quantity taken off an order without trading.
public struct Cancellation: Sendable, Hashable {
    /// The order's identifier.
    public var id: UInt64
    /// The lots cancelled by this event.
    public var quantity: Int64
    /// The lots the order still has open (0 when it left the book or never rested).
    public var remaining: Int64
    /// Why.
    public var reason: CancelReason

    /// Creates a cancellation record.
    public init(id: UInt64, quantity: Int64, remaining: Int64, reason: CancelReason) {
        self.id = id
        self.quantity = quantity
        self.remaining = remaining
        self.reason = reason
    }
}
