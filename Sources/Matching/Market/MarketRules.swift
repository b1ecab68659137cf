/// The per-market order rules the book validates every order and amend against.
///
/// Units: prices in price units (the tick table says which are valid); quantities in
/// lots, `lotsPerShare` lots making one share (a lot may be a fraction of a share).
/// Notional is price × shares, in price units: `price * quantity / lotsPerShare`,
/// compared exactly without division.
public struct MarketRules: Sendable, Hashable {
    /// The valid prices.
    public let tickTable: TickTable
    /// How many lots make one share (1 when a lot is a share).
    public let lotsPerShare: Int64
    /// Order quantities must be a multiple of this many lots.
    public let quantityIncrement: Int64
    /// The smallest order quantity in lots.
    public let minQuantity: Int64
    /// The largest order quantity in lots.
    public let maxQuantity: Int64
    /// The smallest notional of a limit order, in price units.
    public let minNotional: Int64
    /// The largest notional of a limit order, in price units.
    public let maxNotional: Int64
    /// What happens to a post-only order that would trade.
    public let postOnlyPolicy: PostOnlyPolicy

    /// Validates and creates the rules.
    public init(
        tickTable: TickTable, lotsPerShare: Int64 = 1, quantityIncrement: Int64 = 1,
        minQuantity: Int64 = 1, maxQuantity: Int64 = 1 << 40,
        minNotional: Int64 = 0, maxNotional: Int64 = Int64.max,
        postOnlyPolicy: PostOnlyPolicy = .reject
    ) throws(MarketRulesError) {
        guard lotsPerShare > 0 else { throw .nonPositive(field: "lotsPerShare", value: lotsPerShare) }
        guard quantityIncrement > 0 else {
            throw .nonPositive(field: "quantityIncrement", value: quantityIncrement)
        }
        guard minQuantity > 0 else { throw .nonPositive(field: "minQuantity", value: minQuantity) }
        guard minQuantity <= maxQuantity else { throw .minimumAboveMaximum(field: "quantity") }
        guard minNotional >= 0 else { throw .nonPositive(field: "minNotional", value: minNotional) }
        guard minNotional <= maxNotional else { throw .minimumAboveMaximum(field: "notional") }
        self.tickTable = tickTable
        self.lotsPerShare = lotsPerShare
        self.quantityIncrement = quantityIncrement
        self.minQuantity = minQuantity
        self.maxQuantity = maxQuantity
        self.minNotional = minNotional
        self.maxNotional = maxNotional
        self.postOnlyPolicy = postOnlyPolicy
    }

    /// Checks a quantity of lots against increment, minimum and maximum.
    @inline(__always)
    func check(quantity: Int64) -> RejectReason? {
        if quantity <= 0 { return .invalidQuantity }
        if quantity < minQuantity { return .quantityBelowMinimum }
        if quantity > maxQuantity { return .quantityAboveMaximum }
        if quantityIncrement != 1 && quantity % quantityIncrement != 0 { return .quantityNotOnIncrement }
        return nil
    }

    /// Checks a limit price against the tick table and, with the quantity, the notional
    /// limits. `price * quantity` is compared with `limit * lotsPerShare`, both as exact
    /// 128-bit products, so nothing overflows or rounds.
    @inline(__always)
    func check(price: Int64, quantity: Int64) -> RejectReason? {
        if !tickTable.isValid(price) { return price > 0 ? .priceNotOnTick : .invalidPrice }
        if minNotional == 0 && maxNotional == Int64.max { return nil }
        let notional = price.multipliedFullWidth(by: quantity)
        let low = minNotional.multipliedFullWidth(by: lotsPerShare)
        if (notional.high, notional.low) < (low.high, low.low) { return .notionalBelowMinimum }
        if maxNotional != Int64.max {
            let high = maxNotional.multipliedFullWidth(by: lotsPerShare)
            if (notional.high, notional.low) > (high.high, high.low) { return .notionalAboveMaximum }
        }
        return nil
    }
}
