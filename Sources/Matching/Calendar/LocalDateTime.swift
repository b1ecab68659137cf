/// An instant as read on a wall clock of some time zone.
public struct LocalDateTime: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The local calendar day.
    public let date: CivilDate
    /// The local time of day.
    public let time: TimeOfDay
    /// Local time minus UTC at that instant, in seconds (-18000 for EST, -14400 for EDT).
    public let utcOffsetSeconds: Int64

    public init(date: CivilDate, time: TimeOfDay, utcOffsetSeconds: Int64) {
        self.date = date
        self.time = time
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// ISO 8601 with offset, e.g. `2026-03-09T09:30:00-04:00`.
    public var description: String {
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let magnitude = utcOffsetSeconds.magnitude
        let hours = magnitude / 3_600, minutes = magnitude / 60 % 60
        func two(_ v: UInt64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(date)T\(two(time.hour)):\(two(time.minute)):\(two(time.second))\(sign)\(two(hours)):\(two(minutes))"
    }
}
