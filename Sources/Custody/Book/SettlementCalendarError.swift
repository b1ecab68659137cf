/// Why a settlement date could not be found.
public enum SettlementCalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    case notCovered(SettlementDate)
    case noBusinessDay(after: SettlementDate)

    public var description: String {
        switch self {
        case .notCovered(let d): return "the settlement calendar does not cover \(d); extend the calendar before booking that date"
        case .noBusinessDay(let d): return "no business day within 31 days after \(d)"
        }
    }
}
