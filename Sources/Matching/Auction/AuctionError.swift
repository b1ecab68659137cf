/// Why a call auction could not be computed.
public enum AuctionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An order's quantity is not positive.
    case nonPositiveQuantity(orderID: UInt64, quantity: Int64)
    /// An order's limit price (or the reference price when `orderID` is nil) is not positive.
    case nonPositivePrice(orderID: UInt64?, price: Int64)
    /// The total quantity on one side does not fit in 64 bits.
    case quantityOverflow(Side)

    public var description: String {
        switch self {
        case let .nonPositiveQuantity(id, quantity):
            return "auction order \(id) has quantity \(quantity); quantities must be positive lots"
        case let .nonPositivePrice(id?, price):
            return "auction order \(id) has limit price \(price); prices must be positive price units"
        case let .nonPositivePrice(nil, price):
            return "auction reference price \(price) must be positive price units"
        case let .quantityOverflow(side):
            return "the total \(side) quantity in the auction exceeds 2^63-1 lots; split the auction or reduce order sizes"
        }
    }
}
