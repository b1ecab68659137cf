/// A scheduled instant of an exchange trading day at which the session engine acts.
enum SessionBoundary: UInt8, Sendable, Hashable, Codable {
    /// Pre-market trading opens (a new trading day).
    case preMarketOpen = 0
    /// The opening auction uncrosses; regular hours begin.
    case regularOpen = 1
    /// The closing auction uncrosses; regular hours end.
    case regularClose = 2
    /// After-hours trading ends; DAY orders expire.
    case afterHoursClose = 3
}
