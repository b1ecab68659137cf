/// A LULD limit state: the best bid sits at (or beyond) the upper band (limit up),
/// or the best offer at (or beyond) the lower band (limit down).
public struct LimitState: Sendable, Hashable, Codable {
    /// `.buy` for limit up (bids at the upper band), `.sell` for limit down (offers at the lower band).
    public var side: Side
    /// When the limit state began, nanoseconds since the epoch.
    public var since: Int64

    public init(side: Side, since: Int64) {
        self.side = side
        self.since = since
    }
}
