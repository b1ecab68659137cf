/// One holding's balances on a statement, in shares: the aggregate (everything
/// held), and, when the custodian reports them, the part available to deliver and
/// the part that is not (pledged, blocked, pending delivery).
public struct HoldingBalance: Hashable, Sendable, Codable {
    public let aggregate: Quantity
    public let available: Quantity?
    public let notAvailable: Quantity?

    /// Why a set of balances is inconsistent.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case partExceedsAggregate(part: Quantity, aggregate: Quantity)
        case partsDoNotAddUp(available: Quantity, notAvailable: Quantity, aggregate: Quantity)

        public var description: String {
            switch self {
            case .partExceedsAggregate(let p, let a): return "a part balance (\(p)) exceeds the aggregate balance (\(a))"
            case .partsDoNotAddUp(let av, let na, let ag): return "available \(av) + not available \(na) != aggregate \(ag)"
            }
        }
    }

    public init(aggregate: Quantity, available: Quantity? = nil, notAvailable: Quantity? = nil) throws(Failure) {
        for part in [available, notAvailable].compactMap({ $0 }) where part > aggregate {
            throw .partExceedsAggregate(part: part, aggregate: aggregate)
        }
        if let av = available, let na = notAvailable, av.raw + na.raw != aggregate.raw {
            throw .partsDoNotAddUp(available: av, notAvailable: na, aggregate: aggregate)
        }
        self.aggregate = aggregate
        self.available = available
        self.notAvailable = notAvailable
    }

    /// Balances already known to be consistent.
    init(consistentAggregate aggregate: Quantity, available: Quantity?, notAvailable: Quantity?) {
        self.aggregate = aggregate
        self.available = available
        self.notAvailable = notAvailable
    }
}
