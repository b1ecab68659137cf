/// A calendar date (proleptic Gregorian) as custody statements write it: trade
/// dates, settlement dates, statement dates. No time zone: a settlement date is a
/// business day of the market, not an instant.
public struct SettlementDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Why a date is refused.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case outOfRange(year: Int, month: Int, day: Int)
        case malformed(String)

        public var description: String {
            switch self {
            case .outOfRange(let y, let m, let d): return "\(y)-\(m)-\(d) is not a calendar date (years 1900-9999)"
            case .malformed(let t): return "'\(t)' is not a date (expected YYYY-MM-DD or YYYYMMDD)"
            }
        }
    }

    /// The years a date may fall in: wide enough for any statement, narrow enough
    /// that day arithmetic never overflows.
    public static let supportedYears: ClosedRange<Int> = 1900...9999

    public init(year: Int, month: Int, day: Int) throws(Failure) {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
              (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { throw .outOfRange(year: year, month: month, day: day) }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ISO 8601, XML, CSV) or `YYYYMMDD` (SWIFT).
    public init(parsing text: String) throws(Failure) {
        let chars = Array(text)
        let digits: [Character]
        if chars.count == 10, chars[4] == "-", chars[7] == "-" {
            digits = Array(chars[0..<4] + chars[5..<7] + chars[8..<10])
        } else if chars.count == 8 {
            digits = chars
        } else {
            throw .malformed(text)
        }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .malformed(text) }
        func number(_ r: Range<Int>) -> Int { digits[r].reduce(0) { $0 * 10 + ($1.wholeNumberValue ?? 0) } }
        try self.init(year: number(0..<4), month: number(4..<6), day: number(6..<8))
    }

    public static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) throws(Failure) -> SettlementDate {
        let z = daysSinceEpoch + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return try SettlementDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let w = (daysSinceEpoch + 3) % 7  // 1970-01-01 was a Thursday (ISO 4).
        return (w < 0 ? w + 7 : w) + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// `YYYY-MM-DD`.
    public var description: String { iso8601 }

    /// `YYYY-MM-DD`, as XML and CSV write it.
    public var iso8601: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// `YYYYMMDD`, as SWIFT writes it.
    public var compact: String { "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))" }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    public static func < (a: SettlementDate, b: SettlementDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: Decoder) throws {
        self = try SingleStringCoding.decode(decoder) { (t) throws(Failure) in try Self(parsing: t) }
    }

    public func encode(to encoder: Encoder) throws { try SingleStringCoding.encode(iso8601, to: encoder) }
}
