/// When a market trades.
public enum MarketSchedule: Sendable, Hashable, Codable {
    /// Sessions follow an exchange calendar: closed, pre-market, opening auction,
    /// continuous, closing auction, after-hours.
    case calendar(TradingCalendar)
    /// Continuous, always. The exchange calendar says when regular hours are (LULD
    /// bands apply then), when the official close is taken, and when DAY orders
    /// expire (the exchange's after-hours close); outside regular hours the
    /// overnight collar applies.
    case alwaysOpen(exchange: TradingCalendar)

    /// The exchange calendar either way.
    public var calendar: TradingCalendar {
        switch self {
        case .calendar(let calendar), .alwaysOpen(let calendar): return calendar
        }
    }

    /// True for a 24x7 market.
    public var isAlwaysOpen: Bool {
        if case .alwaysOpen = self { return true }
        return false
    }
}
