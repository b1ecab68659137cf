/// A halt in force: why, and when its reopening auction is due.
public struct Halt: Sendable, Hashable, Codable {
    /// Why the market halted.
    public var reason: HaltReason
    /// When the halt began, nanoseconds since the epoch.
    public var since: Int64
    /// When the reopening auction uncrosses, nanoseconds since the epoch.
    public var reopensAt: Int64

    public init(reason: HaltReason, since: Int64, reopensAt: Int64) {
        self.reason = reason
        self.since = since
        self.reopensAt = reopensAt
    }
}
