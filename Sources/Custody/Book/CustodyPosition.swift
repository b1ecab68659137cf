/// One account's holding of one security: what has settled, and what is booked but
/// not yet settled in each direction.
public struct CustodyPosition: Hashable, Sendable, Codable {
    /// Shares settled in the account.
    public internal(set) var settled: Quantity = .zero
    /// Shares booked to arrive, not yet settled.
    public internal(set) var pendingIncoming: Quantity = .zero
    /// Shares booked to leave, not yet settled.
    public internal(set) var pendingOutgoing: Quantity = .zero

    public init(settled: Quantity = .zero, pendingIncoming: Quantity = .zero, pendingOutgoing: Quantity = .zero) {
        self.settled = settled
        self.pendingIncoming = pendingIncoming
        self.pendingOutgoing = pendingOutgoing
    }

    /// Settled shares not promised to a pending delivery.
    public var available: Quantity { Quantity(raw: settled.raw - min(settled.raw, pendingOutgoing.raw)) }

    /// Whether nothing is held or pending.
    public var isEmpty: Bool { settled.isZero && pendingIncoming.isZero && pendingOutgoing.isZero }
}
