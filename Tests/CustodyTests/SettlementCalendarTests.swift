import Testing
@testable import Custody

@Suite("Settlement dates and T+1")
struct SettlementCalendarTests {
    let calendar = Fixtures.nyse2026

    @Test(arguments: [
        ("2026-11-25", "2026-11-27"),  // Wednesday → Friday, Thanksgiving 11-26 closed
        ("2026-07-02", "2026-07-06"),  // Thursday → Monday, Independence Day observed Friday 07-03
        ("2026-11-27", "2026-11-30"),  // Friday (early close, still a business day) → Monday
        ("2026-04-02", "2026-04-06"),  // Good Friday 04-03
        ("2026-12-24", "2026-12-28"),  // Christmas Friday 12-25
        ("2026-03-10", "2026-03-11"),  // an ordinary Tuesday
        ("2026-06-18", "2026-06-22"),  // Juneteenth Friday 06-19
    ])
    func tPlusOne(trade: String, settle: String) throws {
        #expect(try calendar.settlementDate(tradeDate: Fixtures.date(trade)) == Fixtures.date(settle))
    }

    @Test func holidaysAndWeekendsAreNotBusinessDays() {
        #expect(calendar.isBusinessDay(Fixtures.date("2026-11-26")) == false)
        #expect(calendar.isBusinessDay(Fixtures.date("2026-11-28")) == false)  // Saturday
        #expect(calendar.isBusinessDay(Fixtures.date("2026-11-27")) == true)
        #expect(calendar.isBusinessDay(Fixtures.date("2027-01-04")) == nil)
    }

    @Test func refusesToGuessBeyondTheCalendar() {
        #expect(throws: SettlementCalendarError.notCovered(Fixtures.date("2027-01-01"))) {
            try calendar.settlementDate(tradeDate: Fixtures.date("2026-12-31"))
        }
    }

    @Test func dateArithmeticAndWeekdays() throws {
        let d = Fixtures.date("2026-11-25")
        #expect(d.isoWeekday == 3)
        #expect(try d.adding(days: 7) == Fixtures.date("2026-12-02"))
        #expect(try Fixtures.date("2028-02-28").adding(days: 1) == Fixtures.date("2028-02-29"))
        #expect(try Fixtures.date("2026-01-01").adding(days: -1) == Fixtures.date("2025-12-31"))
        #expect(Fixtures.date("1970-01-01").daysSinceEpoch == 0)
        #expect(Fixtures.date("20261127") == Fixtures.date("2026-11-27"))
        #expect(Fixtures.date("2026-11-27").compact == "20261127")
    }

    @Test func malformedDatesAreRefused() {
        #expect(throws: SettlementDate.Failure.outOfRange(year: 2026, month: 2, day: 29)) { try SettlementDate(parsing: "2026-02-29") }
        #expect(throws: SettlementDate.Failure.malformed("2026/11/27")) { try SettlementDate(parsing: "2026/11/27") }
        #expect(throws: SettlementDate.Failure.malformed("2026-1-27")) { try SettlementDate(parsing: "2026-1-27") }
        #expect(throws: SettlementDate.Failure.outOfRange(year: 2026, month: 13, day: 1)) { try SettlementDate(parsing: "20261301") }
    }
}
