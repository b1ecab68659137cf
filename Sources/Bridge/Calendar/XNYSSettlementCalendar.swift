import Custody
import Matching

/// The custody book's settlement calendar on NYSE business days: Matching's
/// `TradingCalendar.xnys`. A day the exchange opens (an early close included) is a
/// business day; a weekend or a listed holiday is not; a date outside the calendar's
/// covered years is `nil`, so the book refuses it rather than guess. US equities settle
/// T+1 on this calendar (`settlementDate(tradeDate:)`).
public struct XNYSSettlementCalendar: SettlementCalendar {
    /// The exchange calendar adapted.
    public let trading: TradingCalendar

    /// The calendar on `trading` (default: the built-in XNYS calendar).
    public init(trading: TradingCalendar = .xnys) {
        self.trading = trading
    }

    public func isBusinessDay(_ date: SettlementDate) -> Bool? {
        guard let civil = try? CivilDate(year: date.year, month: date.month, day: date.day),
              let closed = try? trading.isClosed(on: civil)
        else { return nil }
        return !closed
    }

    /// The New York calendar date of a Unix time (a block timestamp): the trade date
    /// of something that happened then. Nil outside the calendar's time-zone range.
    public func tradeDate(atUnixSeconds seconds: UInt64) -> SettlementDate? {
        guard seconds <= UInt64(Int64.max),
              let local = try? trading.timeZone.localDateTime(atUTC: Int64(seconds))
        else { return nil }
        return try? SettlementDate(year: local.date.year, month: local.date.month, day: local.date.day)
    }

    /// The last business day on or before `date` (a statement dated on a weekend
    /// reports what settled by the Friday).
    public func businessDay(onOrBefore date: SettlementDate) -> SettlementDate? {
        var candidate = date
        for _ in 0..<31 {
            guard let open = isBusinessDay(candidate) else { return nil }
            if open { return candidate }
            guard let previous = try? candidate.adding(days: -1) else { return nil }
            candidate = previous
        }
        return nil
    }

    /// The 16:00 New York close of `date` as Unix seconds (the chain time `dividends declare`
    /// gives a custody record or pay date); nil outside the time zone's range or before 1970.
    public func closeTime(of date: SettlementDate) -> UInt64? {
        guard let civil = try? CivilDate(year: date.year, month: date.month, day: date.day),
              let close = try? TimeOfDay(hour: 16, minute: 0),
              let seconds = try? trading.timeZone.utcSeconds(date: civil, time: close), seconds >= 0
        else { return nil }
        return UInt64(seconds)
    }
}
