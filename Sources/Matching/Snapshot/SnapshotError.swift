/// Why bytes could not be restored into an `OrderBook`. Nothing is restored then.
public enum SnapshotError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes do not start with the order book snapshot magic and version.
    case notASnapshot
    /// The bytes ended before the snapshot did.
    case truncated
    /// Bytes follow the end of the snapshot.
    case trailingBytes
    /// A field holds a value no book can have; the string names it.
    case invalidField(String)
    /// The market rules in the snapshot are invalid.
    case invalidRules(MarketRulesError)

    public var description: String {
        switch self {
        case .notASnapshot: return "not an order book snapshot (bad magic or unsupported version)"
        case .truncated: return "the order book snapshot is truncated"
        case .trailingBytes: return "unexpected bytes after the end of the order book snapshot"
        case .invalidField(let field): return "the order book snapshot has an invalid \(field)"
        case .invalidRules(let error): return "the order book snapshot's market rules are invalid: \(error)"
        }
    }
}
