/// A time zone as a fixed standard offset plus an optional yearly daylight-saving rule.
///
/// Conversions are computed from the instant passed in (seconds since the Unix
/// epoch, UTC); there is no time zone database and no clock. The rule is applied
/// to every year, so a zone whose rules changed is only right for the years its
/// current rule covers (for America/New_York: 2007 onwards).
public struct TimeZoneRule: Sendable, Hashable, Codable {
    /// An IANA-style name, e.g. `America/New_York`.
    public let identifier: String
    /// Standard time minus UTC, in seconds.
    public let standardOffsetSeconds: Int64
    /// Daylight-saving time, if observed.
    public let daylightSaving: DaylightSavingRule?

    public init(identifier: String, standardOffsetSeconds: Int64, daylightSaving: DaylightSavingRule?) {
        self.identifier = identifier
        self.standardOffsetSeconds = standardOffsetSeconds
        self.daylightSaving = daylightSaving
    }

    /// New York: UTC-5 in winter, UTC-4 under the US daylight-saving rule.
    public static let americaNewYork = TimeZoneRule(
        identifier: "America/New_York", standardOffsetSeconds: -5 * 3_600, daylightSaving: .unitedStates)

    /// UTC.
    public static let utc = TimeZoneRule(identifier: "UTC", standardOffsetSeconds: 0, daylightSaving: nil)

    /// The UTC instants (seconds since the epoch) at which daylight time starts and ends in `year`.
    public func daylightSavingInstants(year: Int) throws(CalendarError) -> (start: Int64, end: Int64)? {
        guard let rule = daylightSaving else { return nil }
        let startDay = try rule.start.date(in: year).daysSinceEpoch
        let endDay = try rule.end.date(in: year).daysSinceEpoch
        let start = startDay * 86_400 + rule.start.localTime.secondsSinceMidnight - standardOffsetSeconds
        let end = endDay * 86_400 + rule.end.localTime.secondsSinceMidnight - standardOffsetSeconds - rule.saveSeconds
        return (start, end)
    }

    /// Local time minus UTC at the instant `utcSeconds`.
    public func utcOffsetSeconds(atUTC utcSeconds: Int64) throws(CalendarError) -> Int64 {
        guard let rule = daylightSaving else { return standardOffsetSeconds }
        // The year on the standard-time wall clock decides which transitions apply;
        // transitions are never near New Year, so this is unambiguous.
        let standardDate = try Self.date(ofLocalSeconds: utcSeconds, offset: standardOffsetSeconds)
        guard let (start, end) = try daylightSavingInstants(year: standardDate.year) else {
            return standardOffsetSeconds
        }
        let inDaylight = start < end
            ? (utcSeconds >= start && utcSeconds < end)
            : (utcSeconds >= start || utcSeconds < end)   // southern hemisphere
        return inDaylight ? standardOffsetSeconds + rule.saveSeconds : standardOffsetSeconds
    }

    /// The wall-clock reading at the instant `utcSeconds`.
    public func localDateTime(atUTC utcSeconds: Int64) throws(CalendarError) -> LocalDateTime {
        let offset = try utcOffsetSeconds(atUTC: utcSeconds)
        let date = try Self.date(ofLocalSeconds: utcSeconds, offset: offset)
        let local = utcSeconds + offset - date.daysSinceEpoch * 86_400
        return LocalDateTime(date: date, time: TimeOfDay(secondsSinceMidnightUnchecked: local), utcOffsetSeconds: offset)
    }

    /// The UTC instant at which the wall clock reads `time` on `date`.
    ///
    /// A reading that occurs twice (the hour clocks go back) resolves to the first
    /// occurrence, in daylight time; a reading that never occurs (the hour skipped
    /// when clocks go forward) is read in standard time, i.e. one hour later on the clock.
    public func utcSeconds(date: CivilDate, time: TimeOfDay) throws(CalendarError) -> Int64 {
        let local = date.daysSinceEpoch * 86_400 + time.secondsSinceMidnight
        if let rule = daylightSaving {
            let daylightCandidate = local - standardOffsetSeconds - rule.saveSeconds
            if try utcOffsetSeconds(atUTC: daylightCandidate) == standardOffsetSeconds + rule.saveSeconds {
                return daylightCandidate
            }
        }
        return local - standardOffsetSeconds
    }

    private static func date(ofLocalSeconds utcSeconds: Int64, offset: Int64) throws(CalendarError) -> CivilDate {
        let (local, overflow) = utcSeconds.addingReportingOverflow(offset)
        guard !overflow else { throw .instantOutOfRange(secondsSinceEpoch: utcSeconds) }
        // Floor division: instants before 1970 have negative day numbers.
        let day = local >= 0 ? local / 86_400 : (local + 1) / 86_400 - 1
        do {
            return try CivilDate(daysSinceEpoch: day)
        } catch {
            throw .instantOutOfRange(secondsSinceEpoch: utcSeconds)
        }
    }
}

extension TimeOfDay {
    /// A reading already reduced to 0...86399 by the caller.
    init(secondsSinceMidnightUnchecked seconds: Int64) {
        self.secondsSinceMidnight = seconds
    }
}
