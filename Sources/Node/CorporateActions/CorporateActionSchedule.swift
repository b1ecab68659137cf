/// The chain-wide corporate-action calendar (state key tag 0x0F): what takes effect
/// at which block time, and the next dividend id.
///
/// `CorporateActions.beginBlock` applies every entry due at a block's timestamp
/// before the block's first transaction, in (time, order of scheduling) order, so
/// checking it costs O(1) when nothing is due.
public struct CorporateActionSchedule: Sendable, Equatable {
    /// One scheduled effect.
    public enum Entry: Sendable, Equatable {
        /// A dividend's record point.
        case record(dividendId: UInt64)
        /// A token's scheduled multiplier change.
        case multiplier(token: Address)
    }

    /// The id the next dividend gets.
    public var nextDividendId: UInt64
    /// Due entries sorted by time; equal times keep their scheduling order.
    public private(set) var entries: [(time: UInt64, entry: Entry)]

    public init(nextDividendId: UInt64 = 1, entries: [(time: UInt64, entry: Entry)] = []) {
        self.nextDividendId = nextDividendId
        self.entries = entries
    }

    /// Adds an entry after every entry with a time at or before `time`.
    public mutating func schedule(_ entry: Entry, at time: UInt64) {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].time <= time { lo = mid + 1 } else { hi = mid }
        }
        entries.insert((time, entry), at: lo)
    }

    /// Removes and returns the entries due at `time`, in order.
    public mutating func takeDue(at time: UInt64) -> [Entry] {
        let due = entries.prefix { $0.time <= time }
        entries.removeFirst(due.count)
        return due.map(\.entry)
    }

    /// Whether anything is due at `time`.
    public func hasDue(at time: UInt64) -> Bool { entries.first.map { $0.time <= time } ?? false }

    public static func == (a: CorporateActionSchedule, b: CorporateActionSchedule) -> Bool {
        a.nextDividendId == b.nextDividendId && a.entries.elementsEqual(b.entries) { $0.time == $1.time && $0.entry == $1.entry }
    }
}
