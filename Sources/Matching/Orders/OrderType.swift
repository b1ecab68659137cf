/// Whether an order names a limit price or takes whatever the book offers.
public enum OrderType: Sendable, Hashable {
    /// Trades at whatever prices rest on the other side, best first.
    case market
    /// Trades at `price` (in price units) or better; may rest at `price`.
    case limit(price: Int64)
}
