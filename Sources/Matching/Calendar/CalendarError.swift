/// Why a date, time of day, time zone rule or trading calendar was refused.
public enum CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The year, month and day do not name a day of the proleptic Gregorian calendar.
    case invalidDate(year: Int, month: Int, day: Int)
    /// The hour, minute and second do not name a time of day.
    case invalidTimeOfDay(hour: Int, minute: Int, second: Int)
    /// An instant outside the supported years 0001 to 9999.
    case instantOutOfRange(secondsSinceEpoch: Int64)
    /// A daylight-saving transition rule that names no day (month or occurrence out of range).
    case invalidTransitionRule(month: Int, occurrence: Int)
    /// The calendar has no data for this date.
    case dateNotCovered(CivilDate, covered: ClosedRange<Int>)
    /// The same date is listed twice, or both as a holiday and as an early close.
    case duplicateDate(CivilDate)
    /// A holiday or early close falls outside the calendar's covered years.
    case dateOutsideCoverage(CivilDate, covered: ClosedRange<Int>)
    /// Session times must be strictly increasing in the documented order.
    case sessionTimesOutOfOrder(String)

    public var description: String {
        switch self {
        case let .invalidDate(y, m, d):
            return "\(y)-\(m)-\(d) is not a calendar date; use a year 1...9999, a month 1...12 and a day that exists in that month"
        case let .invalidTimeOfDay(h, m, s):
            return "\(h):\(m):\(s) is not a time of day; use hour 0...23, minute 0...59, second 0...59"
        case let .instantOutOfRange(s):
            return "\(s) seconds since the Unix epoch is outside the years 0001...9999"
        case let .invalidTransitionRule(month, occurrence):
            return "daylight-saving rule month \(month) occurrence \(occurrence) names no day; use month 1...12 and occurrence 1...4"
        case let .dateNotCovered(date, covered):
            return "the trading calendar has no data for \(date); it covers \(covered.lowerBound)...\(covered.upperBound)"
        case let .duplicateDate(date):
            return "\(date) is listed more than once among holidays and early closes"
        case let .dateOutsideCoverage(date, covered):
            return "\(date) lies outside the calendar's covered years \(covered.lowerBound)...\(covered.upperBound)"
        case let .sessionTimesOutOfOrder(detail):
            return "session times out of order: \(detail)"
        }
    }
}
