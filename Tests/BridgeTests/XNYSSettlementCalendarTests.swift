import Custody
import Testing
@testable import Bridge

@Suite("XNYS settlement calendar")
struct XNYSSettlementCalendarTests {
    let calendar = XNYSSettlementCalendar()

    func date(_ text: String) throws -> SettlementDate { try SettlementDate(parsing: text) }

    @Test func holidaysAndWeekendsAreClosed() throws {
        // NYSE 2026 closures: Thanksgiving, Christmas, Good Friday, Juneteenth, Independence Day observed.
        for closed in ["2026-11-26", "2026-12-25", "2026-04-03", "2026-06-19", "2026-07-03", "2026-01-01"] {
            #expect(calendar.isBusinessDay(try date(closed)) == false, "\(closed)")
        }
        #expect(calendar.isBusinessDay(try date("2026-11-21")) == false)  // Saturday
        #expect(calendar.isBusinessDay(try date("2026-11-22")) == false)  // Sunday
        #expect(calendar.isBusinessDay(try date("2026-11-25")) == true)
        // The day after Thanksgiving closes early but is a business day.
        #expect(calendar.isBusinessDay(try date("2026-11-27")) == true)
    }

    @Test func tPlusOneSkipsHolidaysAndWeekends() throws {
        #expect(try calendar.settlementDate(tradeDate: try date("2026-11-25")) == (try date("2026-11-27")))
        #expect(try calendar.settlementDate(tradeDate: try date("2026-11-20")) == (try date("2026-11-23")))
        #expect(try calendar.settlementDate(tradeDate: try date("2026-07-02")) == (try date("2026-07-06")))
        #expect(try calendar.settlementDate(tradeDate: try date("2026-12-24")) == (try date("2026-12-28")))
        #expect(try calendar.settlementDate(tradeDate: try date("2026-11-18")) == (try date("2026-11-19")))
    }

    @Test func datesOutsideTheCalendarAreNotGuessed() throws {
        #expect(calendar.isBusinessDay(try date("2031-03-03")) == nil)
        #expect(throws: SettlementCalendarError.self) { try calendar.settlementDate(tradeDate: try date("2031-03-03")) }
    }

    @Test func businessDayOnOrBefore() throws {
        #expect(calendar.businessDay(onOrBefore: try date("2026-11-22")) == (try date("2026-11-20")))
        #expect(calendar.businessDay(onOrBefore: try date("2026-11-26")) == (try date("2026-11-25")))
        #expect(calendar.businessDay(onOrBefore: try date("2026-11-25")) == (try date("2026-11-25")))
    }

    @Test func tradeDateIsTheNewYorkDate() throws {
        // 2026-11-21 03:00 UTC is 2026-11-20 22:00 EST.
        #expect(calendar.tradeDate(atUnixSeconds: 1_795_230_000) == (try date("2026-11-20")))
        // 2026-07-01 03:59 UTC is 2026-06-30 23:59 EDT; 04:00 UTC is 2026-07-01 00:00 EDT.
        #expect(calendar.tradeDate(atUnixSeconds: 1_782_878_340) == (try date("2026-06-30")))
        #expect(calendar.tradeDate(atUnixSeconds: 1_782_878_400) == (try date("2026-07-01")))
    }

    @Test func theBookRefusesAHolidaySettlement() throws {
        var book = CustodyBook(reserveAccount: try SafekeepingAccount("RSV"), calendar: calendar)
        let movement = Movement(reference: "R-1", kind: .receive, account: try SafekeepingAccount("RSV"), isin: try ISIN("US0378331005"),
                                quantity: Quantity(whole: 1)!, tradeDate: try date("2026-11-25"), settlementDate: try date("2026-11-26"))
        #expect(throws: CustodyBookError.self) { try book.record(movement) }
    }

    /// 16:00 New York is 21:00 UTC in winter (EST) and 20:00 UTC in summer (EDT, from the second Sunday of March).
    @Test func closeTimeIsFourPMNewYork() throws {
        #expect(calendar.closeTime(of: try date("2026-01-06")) == 1_767_733_200)
        #expect(calendar.closeTime(of: try date("2026-07-06")) == 1_783_368_000)
        #expect(calendar.closeTime(of: try date("2026-03-09")) == 1_773_086_400)
        #expect(calendar.closeTime(of: try date("1900-01-02")) == nil)
    }
}
