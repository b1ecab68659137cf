/// The outcome of a call auction's price determination: the uncross price and
/// what would pair and be left over there. Published before the uncross as the
/// indicative price, paired quantity and imbalance.
public struct AuctionIndication: Sendable, Hashable, Codable {
    /// The uncross price in price units, or `nil` when nothing can execute.
    public var price: Int64?
    /// Buy quantity willing to trade at `price` (market orders plus limits at or above it).
    public var buyQuantity: Int64
    /// Sell quantity willing to trade at `price` (market orders plus limits at or below it).
    public var sellQuantity: Int64

    public init(price: Int64?, buyQuantity: Int64, sellQuantity: Int64) {
        self.price = price
        self.buyQuantity = buyQuantity
        self.sellQuantity = sellQuantity
    }

    /// The quantity that executes: the lesser side (0 without a price).
    public var pairedQuantity: Int64 { price == nil ? 0 : min(buyQuantity, sellQuantity) }

    /// The quantity left unexecuted on the larger side.
    public var imbalanceQuantity: Int64 {
        buyQuantity > sellQuantity ? buyQuantity - sellQuantity : sellQuantity - buyQuantity
    }

    /// The side with the surplus, or `nil` when balanced.
    public var imbalanceSide: Side? {
        buyQuantity == sellQuantity ? nil : (buyQuantity > sellQuantity ? .buy : .sell)
    }
}
