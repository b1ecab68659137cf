/// A day of the week, numbered as in C's `tm_wday` (Sunday = 0).
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable {
    case sunday = 0
    case monday = 1
    case tuesday = 2
    case wednesday = 3
    case thursday = 4
    case friday = 5
    case saturday = 6

    /// Monday to Friday.
    public var isWeekday: Bool { self != .saturday && self != .sunday }
}
