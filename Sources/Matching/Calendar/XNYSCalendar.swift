extension TradingCalendar {
    /// The New York Stock Exchange (MIC `XNYS`), 2025–2027, America/New_York.
    ///
    /// Holidays and 13:00 early closes as published by NYSE Group on 2024-11-08
    /// ("NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings
    /// Calendar"), plus the unscheduled closure of 2025-01-09 (National Day of
    /// Mourning for President Carter). On early closes the after-hours session
    /// ends at 17:00, as NYSE Arca's late session does.
    public static let xnys: TradingCalendar = {
        func d(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
            CivilDate(validYear: year, month: month, day: day)
        }
        let holidays = [
            // 2025
            d(2025, 1, 1), d(2025, 1, 9), d(2025, 1, 20), d(2025, 2, 17), d(2025, 4, 18), d(2025, 5, 26),
            d(2025, 6, 19), d(2025, 7, 4), d(2025, 9, 1), d(2025, 11, 27), d(2025, 12, 25),
            // 2026
            d(2026, 1, 1), d(2026, 1, 19), d(2026, 2, 16), d(2026, 4, 3), d(2026, 5, 25),
            d(2026, 6, 19), d(2026, 7, 3), d(2026, 9, 7), d(2026, 11, 26), d(2026, 12, 25),
            // 2027 (Juneteenth, Independence Day and Christmas observed on the nearest weekday)
            d(2027, 1, 1), d(2027, 1, 18), d(2027, 2, 15), d(2027, 3, 26), d(2027, 5, 31),
            d(2027, 6, 18), d(2027, 7, 5), d(2027, 9, 6), d(2027, 11, 25), d(2027, 12, 24),
        ]
        let earlyCloses = [
            d(2025, 7, 3), d(2025, 11, 28), d(2025, 12, 24),
            d(2026, 11, 27), d(2026, 12, 24),
            d(2027, 11, 26),
        ]
        // The data are literal; CalendarTests re-validates them through the public initializer.
        return TradingCalendar(
            uncheckedIdentifier: "XNYS", timeZone: .americaNewYork, coveredYears: 2025...2027,
            tradingWeekdays: [.monday, .tuesday, .wednesday, .thursday, .friday],
            regularHours: .nyseRegular, earlyCloseHours: .nyseEarlyClose,
            holidays: holidays, earlyCloses: earlyCloses)
    }()
}
