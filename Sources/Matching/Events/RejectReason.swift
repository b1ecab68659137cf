/// Why the book refused a command. A rejected command changes nothing.
public enum RejectReason: UInt8, Error, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Order id 0 is reserved.
    case invalidOrderID = 1
    /// An order with this id already rests in the book.
    case duplicateOrderID = 2
    /// No resting order has this id (cancel, reduce, amend).
    case unknownOrder = 3
    /// The quantity is zero or negative.
    case invalidQuantity = 4
    /// The quantity is not a multiple of the market's quantity increment.
    case quantityNotOnIncrement = 5
    /// The quantity is below the market's minimum order size.
    case quantityBelowMinimum = 6
    /// The quantity is above the market's maximum order size.
    case quantityAboveMaximum = 7
    /// The price is zero or negative.
    case invalidPrice = 8
    /// The price is not on the market's tick.
    case priceNotOnTick = 9
    /// Price × quantity is below the market's minimum notional.
    case notionalBelowMinimum = 10
    /// Price × quantity is above the market's maximum notional.
    case notionalAboveMaximum = 11
    /// The iceberg display quantity is not positive, not below the order quantity, or
    /// not on the quantity increment.
    case invalidDisplayQuantity = 12
    /// A good-till-date expiry is not after the time the order was entered.
    case invalidExpiry = 13
    /// The combination of fields is not allowed (post-only market or IOC/FOK order,
    /// iceberg market or IOC/FOK order).
    case invalidCombination = 14
    /// A post-only order would have traded and the market rejects such orders.
    case postOnlyWouldTrade = 15
    /// IOC and FOK orders need continuous matching; the book is in an auction or halted.
    case notMatching = 16
    /// The market is closed to new orders.
    case marketClosed = 17
    /// A post-only order would have traded and there is no valid price to reprice to.
    case noPriceToRepriceTo = 18
    /// The amend would change a market order's price, or give a price to a market order.
    case cannotAmendMarketOrder = 19

    public var description: String {
        switch self {
        case .invalidOrderID: return "order id 0 is reserved; use a non-zero id"
        case .duplicateOrderID: return "an order with this id is already in the book; use a new id"
        case .unknownOrder: return "no resting order has this id (already filled, cancelled or never placed)"
        case .invalidQuantity: return "quantity must be a positive number of lots"
        case .quantityNotOnIncrement: return "quantity must be a multiple of the market's quantity increment"
        case .quantityBelowMinimum: return "quantity is below the market's minimum order size"
        case .quantityAboveMaximum: return "quantity is above the market's maximum order size"
        case .invalidPrice: return "price must be positive"
        case .priceNotOnTick: return "price is not on the market's tick; round it to a valid tick"
        case .notionalBelowMinimum: return "price × quantity is below the market's minimum notional"
        case .notionalAboveMaximum: return "price × quantity is above the market's maximum notional"
        case .invalidDisplayQuantity:
            return "display quantity must be positive, below the order quantity and on the quantity increment"
        case .invalidExpiry: return "a good-till-date expiry must be later than the order's entry time"
        case .invalidCombination:
            return "post-only and iceberg orders must be limit orders that may rest (not IOC or FOK)"
        case .postOnlyWouldTrade: return "the post-only order would trade on entry"
        case .notMatching: return "IOC and FOK orders are refused while the market is in an auction or halted"
        case .marketClosed: return "the market is closed to new orders"
        case .noPriceToRepriceTo: return "the post-only order would trade and there is no valid price one tick away"
        case .cannotAmendMarketOrder: return "a market order has no price to amend; cancel it and enter a new order"
        }
    }
}
