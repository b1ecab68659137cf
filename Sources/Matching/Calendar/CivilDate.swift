/// A day of the proleptic Gregorian calendar, without a time zone.
///
/// Conversion to and from a day count since 1970-01-01 uses the era-based
/// arithmetic of 400-year cycles (146 097 days), so it is exact, branch-light and
/// needs no tables. Years are limited to 1...9999.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The supported years.
    public static let supportedYears: ClosedRange<Int> = 1...9999

    /// Day numbers of 0001-01-01 and 9999-12-31 counted from 1970-01-01.
    public static let supportedDays: ClosedRange<Int64> = -719_162...2_932_896

    /// A validated date.
    public init(year: Int, month: Int, day: Int) throws(CalendarError) {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysInMonth(year: year, month: month)
        else { throw .invalidDate(year: year, month: month, day: day) }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Built-in dates written in source; their validity is checked by tests.
    init(validYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (negative: before).
    public init(daysSinceEpoch days: Int64) throws(CalendarError) {
        guard Self.supportedDays.contains(days) else {
            throw .instantOutOfRange(secondsSinceEpoch: days.multipliedReportingOverflow(by: 86_400).partialValue)
        }
        // 1970-01-01 is day 719 468 counted from 0000-03-01.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097                                            // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100) // March-based
        let shiftedMonth = (5 * dayOfYear + 2) / 153                                // 0 = March
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(validYear: Int(year), month: Int(month), day: Int(day))
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day of the week (1970-01-01 was a Thursday).
    public var weekday: Weekday {
        let remainder = (daysSinceEpoch + 4) % 7
        return Weekday(rawValue: Int(remainder < 0 ? remainder + 7 : remainder)) ?? .sunday
    }

    /// The date `days` days later (earlier if negative).
    public func adding(days: Int64) throws(CalendarError) -> CivilDate {
        try CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Whether `year` has a February 29.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year` (0 for a month outside 1...12).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// The `occurrence`-th (1...4) `weekday` of `month` in `year`,
    /// e.g. the second Sunday of March.
    public static func nthWeekday(
        _ occurrence: Int, _ weekday: Weekday, month: Int, year: Int
    ) throws(CalendarError) -> CivilDate {
        guard (1...4).contains(occurrence), (1...12).contains(month) else {
            throw .invalidTransitionRule(month: month, occurrence: occurrence)
        }
        let first = try CivilDate(year: year, month: month, day: 1)
        let offset = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        return CivilDate(validYear: year, month: month, day: 1 + offset + 7 * (occurrence - 1))
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601, e.g. `2026-11-27`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
