/// An exchange's trading calendar, as data: a time zone, the weekly trading
/// days, the hours of a regular and of an early-close day, and dated lists of
/// full-day holidays and early closes for the years it covers.
///
/// Add another exchange by building another value; nothing here is specific to
/// XNYS (see `TradingCalendar.xnys` for the built-in one).
public struct TradingCalendar: Sendable, Hashable, Codable {
    /// The market identifier code, e.g. `XNYS`.
    public let identifier: String
    /// The zone the hours are read in.
    public let timeZone: TimeZoneRule
    /// Years for which the holiday lists are complete; other dates are refused.
    public let coveredYears: ClosedRange<Int>
    /// Weekdays the exchange normally trades (sorted).
    public let tradingWeekdays: [Weekday]
    /// Hours of a regular day.
    public let regularHours: SessionHours
    /// Hours of an early-close day.
    public let earlyCloseHours: SessionHours
    /// Full-day closures (sorted, unique).
    public let holidays: [CivilDate]
    /// Early-close days (sorted, unique).
    public let earlyCloses: [CivilDate]

    /// A validated calendar: every listed date lies in `coveredYears`, and no date
    /// is listed twice or both as a holiday and an early close.
    public init(
        identifier: String, timeZone: TimeZoneRule, coveredYears: ClosedRange<Int>,
        tradingWeekdays: [Weekday], regularHours: SessionHours, earlyCloseHours: SessionHours,
        holidays: [CivilDate], earlyCloses: [CivilDate]
    ) throws(CalendarError) {
        var seen = Set<CivilDate>()
        for date in holidays + earlyCloses {
            guard coveredYears.contains(date.year) else { throw .dateOutsideCoverage(date, covered: coveredYears) }
            guard seen.insert(date).inserted else { throw .duplicateDate(date) }
        }
        self.init(
            uncheckedIdentifier: identifier, timeZone: timeZone, coveredYears: coveredYears,
            tradingWeekdays: tradingWeekdays, regularHours: regularHours, earlyCloseHours: earlyCloseHours,
            holidays: holidays, earlyCloses: earlyCloses)
    }

    init(
        uncheckedIdentifier identifier: String, timeZone: TimeZoneRule, coveredYears: ClosedRange<Int>,
        tradingWeekdays: [Weekday], regularHours: SessionHours, earlyCloseHours: SessionHours,
        holidays: [CivilDate], earlyCloses: [CivilDate]
    ) {
        self.identifier = identifier
        self.timeZone = timeZone
        self.coveredYears = coveredYears
        self.tradingWeekdays = Array(Set(tradingWeekdays)).sorted { $0.rawValue < $1.rawValue }
        self.regularHours = regularHours
        self.earlyCloseHours = earlyCloseHours
        self.holidays = holidays.sorted()
        self.earlyCloses = earlyCloses.sorted()
    }

    /// Whether the exchange is closed all day on `date` (weekend or holiday).
    public func isClosed(on date: CivilDate) throws(CalendarError) -> Bool {
        try tradingDay(on: date) == nil
    }

    /// The trading day on the local date `date`, or nil when the exchange is closed all day.
    public func tradingDay(on date: CivilDate) throws(CalendarError) -> TradingDay? {
        guard coveredYears.contains(date.year) else { throw .dateNotCovered(date, covered: coveredYears) }
        guard tradingWeekdays.contains(date.weekday), !Self.contains(holidays, date) else { return nil }
        let early = Self.contains(earlyCloses, date)
        return try TradingDay(
            date: date, isEarlyClose: early, hours: early ? earlyCloseHours : regularHours, zone: timeZone)
    }

    /// The trading day whose local date is the local date at `utcSeconds`, or nil when closed that day.
    public func tradingDay(atUTC utcSeconds: Int64) throws(CalendarError) -> TradingDay? {
        try tradingDay(on: timeZone.localDateTime(atUTC: utcSeconds).date)
    }

    /// The scheduled phase at `utcSeconds` (closed on weekends and holidays).
    public func phase(atUTC utcSeconds: Int64) throws(CalendarError) -> SessionPhase {
        try tradingDay(atUTC: utcSeconds)?.phase(atUTC: utcSeconds) ?? .closed
    }

    /// The first trading day on or after `date`, or nil if none before the end of the covered years.
    public func tradingDay(onOrAfter date: CivilDate) throws(CalendarError) -> TradingDay? {
        var day = date
        while coveredYears.contains(day.year) {
            if let trading = try tradingDay(on: day) { return trading }
            day = try day.adding(days: 1)
        }
        return nil
    }

    /// The last trading day strictly before `date`, or nil if none since the start of the covered years.
    public func tradingDay(before date: CivilDate) throws(CalendarError) -> TradingDay? {
        var day = try date.adding(days: -1)
        while coveredYears.contains(day.year) {
            if let trading = try tradingDay(on: day) { return trading }
            day = try day.adding(days: -1)
        }
        return nil
    }

    private static func contains(_ sorted: [CivilDate], _ date: CivilDate) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < date { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == date
    }
}
