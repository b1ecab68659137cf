/// The wall-clock times of one kind of trading day (regular or early close).
///
/// All times are local to the calendar's time zone and must be strictly
/// increasing in this order: pre-market open, opening imbalance start,
/// on-open cut-off, regular open, closing imbalance start / on-close cut-off,
/// regular close, after-hours close.
public struct SessionHours: Sendable, Hashable, Codable {
    /// Pre-market (extended-hours continuous trading) begins.
    public let preMarketOpen: TimeOfDay
    /// Opening auction imbalance publications begin.
    public let openingImbalanceStart: TimeOfDay
    /// Last moment (exclusive) to enter or cancel MOO/LOO orders.
    public let onOpenCutoff: TimeOfDay
    /// The opening auction uncrosses and regular continuous trading begins.
    public let regularOpen: TimeOfDay
    /// Closing auction imbalance publications begin.
    public let closingImbalanceStart: TimeOfDay
    /// Last moment (exclusive) to enter or cancel MOC/LOC orders.
    public let onCloseCutoff: TimeOfDay
    /// Continuous trading stops and the closing auction uncrosses.
    public let regularClose: TimeOfDay
    /// After-hours trading ends; DAY orders expire.
    public let afterHoursClose: TimeOfDay

    /// Validated hours.
    public init(
        preMarketOpen: TimeOfDay, openingImbalanceStart: TimeOfDay, onOpenCutoff: TimeOfDay,
        regularOpen: TimeOfDay, closingImbalanceStart: TimeOfDay, onCloseCutoff: TimeOfDay,
        regularClose: TimeOfDay, afterHoursClose: TimeOfDay
    ) throws(CalendarError) {
        let ordered: [(String, TimeOfDay)] = [
            ("pre-market open", preMarketOpen), ("opening imbalance start", openingImbalanceStart),
            ("on-open cut-off", onOpenCutoff), ("regular open", regularOpen),
            ("closing imbalance start", closingImbalanceStart), ("regular close", regularClose),
            ("after-hours close", afterHoursClose),
        ]
        for (earlier, later) in zip(ordered, ordered.dropFirst()) where !(earlier.1 < later.1) {
            throw .sessionTimesOutOfOrder("\(earlier.0) \(earlier.1) must be before \(later.0) \(later.1)")
        }
        guard regularOpen < onCloseCutoff, onCloseCutoff < regularClose else {
            throw .sessionTimesOutOfOrder(
                "on-close cut-off \(onCloseCutoff) must lie between regular open \(regularOpen) and close \(regularClose)")
        }
        self.preMarketOpen = preMarketOpen
        self.openingImbalanceStart = openingImbalanceStart
        self.onOpenCutoff = onOpenCutoff
        self.regularOpen = regularOpen
        self.closingImbalanceStart = closingImbalanceStart
        self.onCloseCutoff = onCloseCutoff
        self.regularClose = regularClose
        self.afterHoursClose = afterHoursClose
    }

    private init(unchecked values: [TimeOfDay]) {
        preMarketOpen = values[0]
        openingImbalanceStart = values[1]
        onOpenCutoff = values[2]
        regularOpen = values[3]
        closingImbalanceStart = values[4]
        onCloseCutoff = values[5]
        regularClose = values[6]
        afterHoursClose = values[7]
    }

    /// A full NYSE-style day: pre-market 04:00, opening imbalances from 09:00,
    /// MOO/LOO cut-off 09:28, open 09:30, closing imbalances and MOC/LOC cut-off
    /// 15:50, close 16:00, after-hours until 20:00.
    public static let nyseRegular = SessionHours(unchecked: [
        TimeOfDay(4, 0), TimeOfDay(9, 0), TimeOfDay(9, 28), TimeOfDay(9, 30),
        TimeOfDay(15, 50), TimeOfDay(15, 50), TimeOfDay(16, 0), TimeOfDay(20, 0),
    ])

    /// An NYSE early close: as `nyseRegular` but closing at 13:00 (imbalances and
    /// MOC/LOC cut-off 12:50) with after-hours until 17:00, as NYSE Arca does.
    public static let nyseEarlyClose = SessionHours(unchecked: [
        TimeOfDay(4, 0), TimeOfDay(9, 0), TimeOfDay(9, 28), TimeOfDay(9, 30),
        TimeOfDay(12, 50), TimeOfDay(12, 50), TimeOfDay(13, 0), TimeOfDay(17, 0),
    ])
}
