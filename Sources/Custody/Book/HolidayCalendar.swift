/// A settlement calendar given as data: Monday to Friday are business days except
/// the listed holidays, within the covered years.
public struct HolidayCalendar: SettlementCalendar, Hashable, Codable {
    /// The years the holiday list is complete for.
    public let coveredYears: ClosedRange<Int>
    /// The weekday closures.
    public let holidays: Set<SettlementDate>

    public init(coveredYears: ClosedRange<Int>, holidays: Set<SettlementDate>) {
        self.coveredYears = coveredYears
        self.holidays = holidays
    }

    public func isBusinessDay(_ date: SettlementDate) -> Bool? {
        guard coveredYears.contains(date.year) else { return nil }
        return !date.isWeekend && !holidays.contains(date)
    }
}
