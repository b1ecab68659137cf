/// What the market does with a post-only order that would trade on entry.
public enum PostOnlyPolicy: UInt8, Sendable, Hashable {
    /// Reject it (`RejectReason.postOnlyWouldTrade`).
    case reject = 0
    /// Reprice it one tick away from the best opposite price so it rests instead.
    case reprice = 1
}
