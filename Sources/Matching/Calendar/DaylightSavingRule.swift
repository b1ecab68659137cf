/// When a time zone observes daylight-saving time, as a yearly rule.
///
/// Each transition is "the n-th weekday of a month at a local wall-clock time";
/// the start time is read in standard time and the end time in daylight time, as
/// in the US rule (2:00 local both ways).
public struct DaylightSavingRule: Sendable, Hashable, Codable {
    /// One yearly transition: the `occurrence`-th `weekday` of `month` at `localTime`.
    public struct Transition: Sendable, Hashable, Codable {
        public let month: Int
        public let occurrence: Int
        public let weekday: Weekday
        public let localTime: TimeOfDay

        /// A validated transition (month 1...12, occurrence 1...4).
        public init(month: Int, occurrence: Int, weekday: Weekday, localTime: TimeOfDay) throws(CalendarError) {
            guard (1...12).contains(month), (1...4).contains(occurrence) else {
                throw .invalidTransitionRule(month: month, occurrence: occurrence)
            }
            self.month = month
            self.occurrence = occurrence
            self.weekday = weekday
            self.localTime = localTime
        }

        /// The day of this transition in `year`.
        public func date(in year: Int) throws(CalendarError) -> CivilDate {
            try CivilDate.nthWeekday(occurrence, weekday, month: month, year: year)
        }
    }

    /// Clocks go forward (read in local standard time).
    public let start: Transition
    /// Clocks go back (read in local daylight time).
    public let end: Transition
    /// How far clocks go forward, in seconds (3600 in the US).
    public let saveSeconds: Int64

    public init(start: Transition, end: Transition, saveSeconds: Int64) {
        self.start = start
        self.end = end
        self.saveSeconds = saveSeconds
    }

    /// The US rule since 2007 (Energy Policy Act of 2005): from the second Sunday of
    /// March at 02:00 standard time to the first Sunday of November at 02:00 daylight time.
    public static let unitedStates = DaylightSavingRule(
        start: Transition(uncheckedMonth: 3, occurrence: 2, weekday: .sunday, localTime: TimeOfDay(2, 0)),
        end: Transition(uncheckedMonth: 11, occurrence: 1, weekday: .sunday, localTime: TimeOfDay(2, 0)),
        saveSeconds: 3_600)
}

extension DaylightSavingRule.Transition {
    /// Built-in rules written in source with literal, in-range values.
    init(uncheckedMonth month: Int, occurrence: Int, weekday: Weekday, localTime: TimeOfDay) {
        self.month = month
        self.occurrence = occurrence
        self.weekday = weekday
        self.localTime = localTime
    }
}
