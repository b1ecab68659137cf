/// What happens when an incoming order would trade against a resting order of the
/// same owner. The incoming (taker) order's mode decides.
public enum SelfTradePrevention: UInt8, Sendable, Hashable, CaseIterable {
    /// Cancel the incoming order's remaining quantity; the resting order stays.
    case cancelNewest = 0
    /// Cancel the resting order; the incoming order goes on matching.
    case cancelOldest = 1
    /// Cancel both the resting order and the incoming order's remainder.
    case cancelBoth = 2
    /// Take the smaller of the two quantities off both orders without a trade; an
    /// order left with nothing is cancelled.
    case decrement = 3
}
