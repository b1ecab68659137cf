/// Why the session engine refused to run a command at all. Nothing changes.
public enum SessionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Commands must come in time order; this one is earlier than the last.
    case timeWentBackwards(time: Int64, last: Int64)
    /// The time cannot be converted to a calendar instant (beyond the year 2262 in nanoseconds).
    case timeOutOfRange(Int64)
    /// A price band could not be computed (a price too large for the band arithmetic).
    case volatility(VolatilityError)
    /// A call auction could not be computed.
    case auction(AuctionError)

    public var description: String {
        switch self {
        case let .timeWentBackwards(time, last):
            return "command time \(time) ns is before the last processed time \(last) ns; pass non-decreasing times"
        case let .timeOutOfRange(time):
            return "time \(time) ns since the epoch is outside the supported range"
        case let .volatility(error):
            return "volatility control: \(error)"
        case let .auction(error):
            return "call auction: \(error)"
        }
    }
}
