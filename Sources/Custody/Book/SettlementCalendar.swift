/// The business days on which securities settle. Custody knows no exchange: the
/// bridge adapts the XNYS trading calendar (Matching's `TradingCalendar.xnys`) to this
/// protocol, and tests build a `HolidayCalendar` from the published holiday list.
public protocol SettlementCalendar: Sendable {
    /// Whether `date` is a settlement business day; nil when the calendar does not
    /// cover `date` (a calendar is data for a range of years, and guessing beyond it
    /// would settle on a holiday nobody listed).
    func isBusinessDay(_ date: SettlementDate) -> Bool?
}

extension SettlementCalendar {
    /// The next business day strictly after `date`.
    public func nextBusinessDay(after date: SettlementDate) throws(SettlementCalendarError) -> SettlementDate {
        var candidate = date
        // Exchange closures never run a month; a longer gap means a broken calendar.
        for _ in 0..<31 {
            guard let next = try? candidate.adding(days: 1) else { throw .notCovered(candidate) }
            candidate = next
            guard let open = isBusinessDay(candidate) else { throw .notCovered(candidate) }
            if open { return candidate }
        }
        throw .noBusinessDay(after: date)
    }

    /// The standard US equity settlement date of a trade: T+1, the first business
    /// day after the trade date (SEC rule 15c6-1 since 28 May 2024).
    public func settlementDate(tradeDate: SettlementDate) throws(SettlementCalendarError) -> SettlementDate {
        try nextBusinessDay(after: tradeDate)
    }
}
