/// A wall-clock time of day in some time zone, to the second.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since local midnight, 0...86399.
    public let secondsSinceMidnight: Int64

    /// A validated time of day.
    public init(hour: Int, minute: Int, second: Int = 0) throws(CalendarError) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw .invalidTimeOfDay(hour: hour, minute: minute, second: second)
        }
        secondsSinceMidnight = Int64(hour * 3_600 + minute * 60 + second)
    }

    /// Built-in times written in source; the values are literal and in range.
    init(_ hour: Int, _ minute: Int) {
        secondsSinceMidnight = Int64(hour * 3_600 + minute * 60)
    }

    public var hour: Int { Int(secondsSinceMidnight / 3_600) }
    public var minute: Int { Int(secondsSinceMidnight / 60 % 60) }
    public var second: Int { Int(secondsSinceMidnight % 60) }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }

    /// `HH:MM` or `HH:MM:SS` when the seconds are not zero.
    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return second == 0 ? "\(two(hour)):\(two(minute))" : "\(two(hour)):\(two(minute)):\(two(second))"
    }
}
