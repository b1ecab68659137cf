import Custody

/// What one `redemptions` run did.
public struct RedemptionReport: Sendable {
    /// Withdrawals booked for new redemptions.
    public var booked: [Movement] = []
    /// Redemptions too small to be a share count at the token's multiplier (dust), by id.
    public var skipped: [(id: UInt64, reason: String)] = []
    /// The cursor after the run.
    public var cursor: RedemptionCursor

    public init(cursor: RedemptionCursor) {
        self.cursor = cursor
    }
}
