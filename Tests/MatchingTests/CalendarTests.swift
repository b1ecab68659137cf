import Testing
@testable import Matching

/// UTC seconds of a UTC wall-clock reading, through `CivilDate` (itself checked against literals below).
private func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int = 0) throws -> Int64 {
    try CivilDate(year: y, month: m, day: d).daysSinceEpoch * 86_400 + Int64(h * 3_600 + mi * 60 + s)
}

private func date(_ y: Int, _ m: Int, _ d: Int) throws -> CivilDate {
    try CivilDate(year: y, month: m, day: d)
}

@Suite("Civil dates and the America/New_York rule")
struct CivilTimeTests {
    @Test("day numbers and weekdays of known dates")
    func knownDays() throws {
        #expect(try date(1970, 1, 1).daysSinceEpoch == 0)
        #expect(try date(1970, 1, 1).weekday == .thursday)
        #expect(try date(1969, 12, 31).daysSinceEpoch == -1)
        #expect(try date(1969, 12, 31).weekday == .wednesday)
        #expect(try date(2000, 3, 1).daysSinceEpoch == 11_017)
        #expect(try date(1, 1, 1).daysSinceEpoch == -719_162)
        #expect(try date(1, 1, 1).weekday == .monday)
        #expect(try date(9999, 12, 31).daysSinceEpoch == 2_932_896)
        #expect(try date(9999, 12, 31).weekday == .friday)
        #expect(try date(2026, 11, 27).weekday == .friday)
        #expect(try date(2027, 12, 31).weekday == .friday)
    }

    @Test("day numbers round-trip over 1900-2100, one day apart each")
    func roundTrip() throws {
        var previous = try date(1899, 12, 31)
        for day in try date(1900, 1, 1).daysSinceEpoch...date(2100, 12, 31).daysSinceEpoch {
            let civil = try CivilDate(daysSinceEpoch: day)
            #expect(civil.daysSinceEpoch == day)
            #expect(previous < civil)
            #expect(try previous.adding(days: 1) == civil)
            previous = civil
        }
    }

    @Test("invalid dates, times and out-of-range instants are refused")
    func invalidInput() throws {
        #expect(throws: CalendarError.invalidDate(year: 2026, month: 2, day: 29)) { try date(2026, 2, 29) }
        #expect(try date(2024, 2, 29).day == 29)
        #expect(throws: CalendarError.self) { try date(2026, 13, 1) }
        #expect(throws: CalendarError.self) { try date(0, 1, 1) }
        #expect(throws: CalendarError.self) { try date(2026, 4, 31) }
        #expect(throws: CalendarError.invalidTimeOfDay(hour: 24, minute: 0, second: 0)) {
            try TimeOfDay(hour: 24, minute: 0)
        }
        #expect(throws: CalendarError.self) { try CivilDate(daysSinceEpoch: Int64.max) }
        #expect(throws: CalendarError.self) { try TimeZoneRule.americaNewYork.localDateTime(atUTC: Int64.max) }
        #expect(throws: CalendarError.self) { try TimeZoneRule.americaNewYork.localDateTime(atUTC: Int64.min) }
        #expect(throws: CalendarError.self) {
            try DaylightSavingRule.Transition(month: 3, occurrence: 5, weekday: .sunday, localTime: TimeOfDay(hour: 2, minute: 0))
        }
    }

    @Test("US DST instants 2025-2027: second Sunday of March 07:00 UTC, first Sunday of November 06:00 UTC",
          arguments: [
            (2025, Int64(1_741_503_600), Int64(1_762_063_200)),
            (2026, Int64(1_772_953_200), Int64(1_793_512_800)),
            (2027, Int64(1_805_007_600), Int64(1_825_567_200)),
          ])
    func dstInstants(year: Int, start: Int64, end: Int64) throws {
        let zone = TimeZoneRule.americaNewYork
        let instants = try #require(try zone.daylightSavingInstants(year: year))
        #expect(instants.start == start)
        #expect(instants.end == end)
        // One second before and at each change.
        #expect(try zone.utcOffsetSeconds(atUTC: start - 1) == -18_000)
        #expect(try zone.utcOffsetSeconds(atUTC: start) == -14_400)
        #expect(try zone.utcOffsetSeconds(atUTC: end - 1) == -14_400)
        #expect(try zone.utcOffsetSeconds(atUTC: end) == -18_000)
        // Wall clock: 01:59:59 EST then 03:00 EDT; 01:59:59 EDT then 01:00 EST.
        #expect(try zone.localDateTime(atUTC: start - 1).time == TimeOfDay(hour: 1, minute: 59, second: 59))
        #expect(try zone.localDateTime(atUTC: start).time == TimeOfDay(hour: 3, minute: 0))
        #expect(try zone.localDateTime(atUTC: end - 1).time == TimeOfDay(hour: 1, minute: 59, second: 59))
        #expect(try zone.localDateTime(atUTC: end).time == TimeOfDay(hour: 1, minute: 0))
    }

    @Test("wall-clock to UTC: skipped hour reads as standard time, repeated hour as its first occurrence")
    func gapAndOverlap() throws {
        let zone = TimeZoneRule.americaNewYork
        // 2026-03-08 02:30 never happens: read as 02:30 EST = 07:30 UTC (03:30 EDT).
        #expect(try zone.utcSeconds(date: date(2026, 3, 8), time: TimeOfDay(hour: 2, minute: 30)) == utc(2026, 3, 8, 7, 30))
        // 2026-11-01 01:30 happens twice: the EDT one, 05:30 UTC.
        #expect(try zone.utcSeconds(date: date(2026, 11, 1), time: TimeOfDay(hour: 1, minute: 30)) == utc(2026, 11, 1, 5, 30))
        #expect(try zone.localDateTime(atUTC: utc(2026, 3, 9, 13, 30)).description == "2026-03-09T09:30:00-04:00")
        #expect(try zone.localDateTime(atUTC: utc(2026, 1, 2, 0, 30)).description == "2026-01-01T19:30:00-05:00")
    }
}

@Suite("XNYS trading calendar 2025-2027")
struct XNYSCalendarTests {
    let xnys = TradingCalendar.xnys

    @Test("the built-in data pass the public validating initializer unchanged")
    func dataValid() throws {
        let rebuilt = try TradingCalendar(
            identifier: xnys.identifier, timeZone: xnys.timeZone, coveredYears: xnys.coveredYears,
            tradingWeekdays: xnys.tradingWeekdays, regularHours: xnys.regularHours,
            earlyCloseHours: xnys.earlyCloseHours, holidays: xnys.holidays, earlyCloses: xnys.earlyCloses)
        #expect(rebuilt == xnys)
        for holiday in xnys.holidays {
            _ = try CivilDate(year: holiday.year, month: holiday.month, day: holiday.day)
            #expect(holiday.weekday.isWeekday, "holiday \(holiday) on a weekend would be pointless data")
        }
        #expect(xnys.holidays.count == 31)
        #expect(xnys.earlyCloses.count == 6)
    }

    @Test("2026 holidays as published", arguments: [
        (1, 1), (1, 19), (2, 16), (4, 3), (5, 25), (6, 19), (7, 3), (9, 7), (11, 26), (12, 25),
    ])
    func holidays2026(month: Int, day: Int) throws {
        #expect(try xnys.tradingDay(on: date(2026, month, day)) == nil)
        #expect(try xnys.phase(atUTC: utc(2026, month, day, 15, 0)) == .closed)
    }

    @Test("2025 and 2027 holidays, observed days included")
    func otherHolidays() throws {
        for (y, m, d) in [(2025, 1, 9), (2025, 4, 18), (2025, 6, 19), (2025, 7, 4), (2025, 11, 27),
                          (2027, 3, 26), (2027, 6, 18), (2027, 7, 5), (2027, 11, 25), (2027, 12, 24)] {
            #expect(try xnys.isClosed(on: date(y, m, d)), "\(y)-\(m)-\(d)")
        }
        // New Year 2028 falls on a Saturday and is not observed on Friday 2027-12-31.
        let lastDay = try #require(try xnys.tradingDay(on: date(2027, 12, 31)))
        #expect(!lastDay.isEarlyClose)
        // Weekends.
        #expect(try xnys.isClosed(on: date(2026, 3, 7)))
        #expect(try xnys.isClosed(on: date(2026, 3, 8)))
    }

    @Test("early closes at 13:00 ET with after-hours to 17:00")
    func earlyCloses() throws {
        let blackFriday = try #require(try xnys.tradingDay(on: date(2026, 11, 27)))
        #expect(blackFriday.isEarlyClose)
        #expect(blackFriday.regularClose == 1_795_802_400)        // 13:00 EST = 18:00 UTC
        #expect(blackFriday.regularClose == (try utc(2026, 11, 27, 18, 0)))
        #expect(blackFriday.afterHoursClose == (try utc(2026, 11, 27, 22, 0)))
        #expect(blackFriday.onCloseCutoff == (try utc(2026, 11, 27, 17, 50)))
        let july3 = try #require(try xnys.tradingDay(on: date(2025, 7, 3)))
        #expect(july3.regularClose == 1_751_562_000)              // 13:00 EDT = 17:00 UTC
        for (y, m, d) in [(2025, 11, 28), (2025, 12, 24), (2026, 12, 24), (2027, 11, 26)] {
            #expect(try xnys.tradingDay(on: date(y, m, d))?.isEarlyClose == true)
        }
        // Not early closes: 2026-07-02 and 2027-07-02 (Independence Day observed on a weekday).
        #expect(try xnys.tradingDay(on: date(2026, 7, 2))?.isEarlyClose == false)
        #expect(try xnys.tradingDay(on: date(2027, 7, 2))?.isEarlyClose == false)
    }

    @Test("opening times across the 2026 March change: 14:30 UTC before, 13:30 UTC after")
    func openAcrossDST() throws {
        #expect(try xnys.tradingDay(on: date(2026, 3, 6))?.regularOpen == 1_772_807_400)
        #expect(try xnys.tradingDay(on: date(2026, 3, 9))?.regularOpen == 1_773_063_000)
        #expect(try xnys.tradingDay(on: date(2026, 3, 9))?.regularOpen == (try utc(2026, 3, 9, 13, 30)))
        // November 2025: Friday Oct 31 opens 13:30 UTC, Monday Nov 3 14:30 UTC.
        #expect(try xnys.tradingDay(on: date(2025, 10, 31))?.regularOpen == (try utc(2025, 10, 31, 13, 30)))
        #expect(try xnys.tradingDay(on: date(2025, 11, 3))?.regularOpen == (try utc(2025, 11, 3, 14, 30)))
        // 2027: March 12 (EST) and March 15 (EDT); November 5 (EDT) and November 8 (EST).
        #expect(try xnys.tradingDay(on: date(2027, 3, 12))?.regularClose == (try utc(2027, 3, 12, 21, 0)))
        #expect(try xnys.tradingDay(on: date(2027, 3, 15))?.regularClose == (try utc(2027, 3, 15, 20, 0)))
        #expect(try xnys.tradingDay(on: date(2027, 11, 5))?.preMarketOpen == (try utc(2027, 11, 5, 8, 0)))
        #expect(try xnys.tradingDay(on: date(2027, 11, 8))?.preMarketOpen == (try utc(2027, 11, 8, 9, 0)))
    }

    @Test("scheduled phases through a day (2026-03-09, EDT)")
    func phases() throws {
        let cases: [(Int64, SessionPhase)] = [
            (try utc(2026, 3, 9, 7, 59, 59), .closed),
            (try utc(2026, 3, 9, 8, 0), .preMarket),         // 04:00 ET
            (try utc(2026, 3, 9, 13, 29, 59), .preMarket),
            (try utc(2026, 3, 9, 13, 30), .continuous),      // 09:30 ET
            (try utc(2026, 3, 9, 19, 59, 59), .continuous),
            (try utc(2026, 3, 9, 20, 0), .afterHours),       // 16:00 ET
            (try utc(2026, 3, 9, 23, 59, 59), .afterHours),
            (try utc(2026, 3, 10, 0, 0), .closed),           // 20:00 ET
        ]
        for (instant, phase) in cases {
            #expect(try xnys.phase(atUTC: instant) == phase, "at \(instant)")
        }
    }

    @Test("next and previous trading days skip weekends and holidays")
    func adjacentDays() throws {
        #expect(try xnys.tradingDay(onOrAfter: date(2026, 7, 3))?.date == date(2026, 7, 6))
        #expect(try xnys.tradingDay(before: date(2026, 7, 6))?.date == date(2026, 7, 2))
        #expect(try xnys.tradingDay(before: date(2025, 1, 2)) == nil)
        #expect(try xnys.tradingDay(onOrAfter: date(2027, 12, 31))?.date == date(2027, 12, 31))
    }

    @Test("dates outside 2025-2027 and inconsistent calendars are refused")
    func refusals() throws {
        #expect(throws: CalendarError.dateNotCovered(try date(2028, 1, 3), covered: 2025...2027)) {
            try xnys.tradingDay(on: date(2028, 1, 3))
        }
        #expect(throws: CalendarError.duplicateDate(try date(2026, 1, 1))) {
            try TradingCalendar(
                identifier: "TEST", timeZone: .utc, coveredYears: 2026...2026, tradingWeekdays: [.monday],
                regularHours: .nyseRegular, earlyCloseHours: .nyseEarlyClose,
                holidays: [date(2026, 1, 1)], earlyCloses: [date(2026, 1, 1)])
        }
        #expect(throws: CalendarError.dateOutsideCoverage(try date(2030, 1, 1), covered: 2026...2026)) {
            try TradingCalendar(
                identifier: "TEST", timeZone: .utc, coveredYears: 2026...2026, tradingWeekdays: [.monday],
                regularHours: .nyseRegular, earlyCloseHours: .nyseEarlyClose,
                holidays: [date(2030, 1, 1)], earlyCloses: [])
        }
        #expect(throws: CalendarError.self) {
            try SessionHours(
                preMarketOpen: TimeOfDay(hour: 4, minute: 0), openingImbalanceStart: TimeOfDay(hour: 9, minute: 0),
                onOpenCutoff: TimeOfDay(hour: 9, minute: 28), regularOpen: TimeOfDay(hour: 9, minute: 30),
                closingImbalanceStart: TimeOfDay(hour: 15, minute: 50), onCloseCutoff: TimeOfDay(hour: 16, minute: 5),
                regularClose: TimeOfDay(hour: 16, minute: 0), afterHoursClose: TimeOfDay(hour: 20, minute: 0))
        }
    }

    @Test("another calendar is just data: a UTC exchange with one holiday")
    func customCalendar() throws {
        let hours = try SessionHours(
            preMarketOpen: TimeOfDay(hour: 7, minute: 0), openingImbalanceStart: TimeOfDay(hour: 7, minute: 50),
            onOpenCutoff: TimeOfDay(hour: 7, minute: 55), regularOpen: TimeOfDay(hour: 8, minute: 0),
            closingImbalanceStart: TimeOfDay(hour: 16, minute: 25), onCloseCutoff: TimeOfDay(hour: 16, minute: 25),
            regularClose: TimeOfDay(hour: 16, minute: 30), afterHoursClose: TimeOfDay(hour: 17, minute: 30))
        let calendar = try TradingCalendar(
            identifier: "XTST", timeZone: .utc, coveredYears: 2026...2026,
            tradingWeekdays: [.monday, .tuesday, .wednesday, .thursday, .friday],
            regularHours: hours, earlyCloseHours: hours, holidays: [date(2026, 12, 25)], earlyCloses: [])
        #expect(try calendar.tradingDay(on: date(2026, 12, 25)) == nil)
        #expect(try calendar.tradingDay(on: date(2026, 12, 24))?.regularOpen == (try utc(2026, 12, 24, 8, 0)))
    }
}
