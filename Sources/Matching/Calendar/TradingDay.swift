/// One trading day of a calendar, with its session boundaries as UTC instants.
///
/// Instants are seconds since the Unix epoch (UTC), already converted from the
/// calendar's local wall-clock times with the daylight-saving rule of that day.
public struct TradingDay: Sendable, Hashable, Codable {
    /// The local date.
    public let date: CivilDate
    /// Whether the market closes early this day.
    public let isEarlyClose: Bool
    /// The local times this day follows.
    public let hours: SessionHours

    public let preMarketOpen: Int64
    public let openingImbalanceStart: Int64
    public let onOpenCutoff: Int64
    public let regularOpen: Int64
    public let closingImbalanceStart: Int64
    public let onCloseCutoff: Int64
    public let regularClose: Int64
    public let afterHoursClose: Int64

    init(date: CivilDate, isEarlyClose: Bool, hours: SessionHours, zone: TimeZoneRule) throws(CalendarError) {
        self.date = date
        self.isEarlyClose = isEarlyClose
        self.hours = hours
        preMarketOpen = try zone.utcSeconds(date: date, time: hours.preMarketOpen)
        openingImbalanceStart = try zone.utcSeconds(date: date, time: hours.openingImbalanceStart)
        onOpenCutoff = try zone.utcSeconds(date: date, time: hours.onOpenCutoff)
        regularOpen = try zone.utcSeconds(date: date, time: hours.regularOpen)
        closingImbalanceStart = try zone.utcSeconds(date: date, time: hours.closingImbalanceStart)
        onCloseCutoff = try zone.utcSeconds(date: date, time: hours.onCloseCutoff)
        regularClose = try zone.utcSeconds(date: date, time: hours.regularClose)
        afterHoursClose = try zone.utcSeconds(date: date, time: hours.afterHoursClose)
    }

    /// The scheduled phase at `utcSeconds`. Auctions are instants: the opening
    /// auction happens at `regularOpen` (after which the phase is continuous) and
    /// the closing auction at `regularClose` (after which it is after-hours).
    public func phase(atUTC utcSeconds: Int64) -> SessionPhase {
        if utcSeconds < preMarketOpen || utcSeconds >= afterHoursClose { return .closed }
        if utcSeconds < regularOpen { return .preMarket }
        if utcSeconds < regularClose { return .continuous }
        return .afterHours
    }

    /// Whether the exchange's regular hours (open to close) contain `utcSeconds`.
    public func isRegularHours(atUTC utcSeconds: Int64) -> Bool {
        utcSeconds >= regularOpen && utcSeconds < regularClose
    }
}
