/// The side of an order: a bid buys, an ask sells.
public enum Side: UInt8, Sendable, Hashable, Codable {
    case buy = 0
    case sell = 1

    /// The side an order on this side trades against.
    public var opposite: Side { self == .buy ? .sell : .buy }
}
