/// Why a `MarketRules` or `TickTable` could not be built.
public enum MarketRulesError: Error, Sendable, Hashable, CustomStringConvertible {
    case tickTableMustStartAtZero
    case nonPositiveTick(Int64)
    case bandsNotIncreasing(Int64)
    case bandStartOffTick(Int64)
    case nonPositive(field: String, value: Int64)
    case minimumAboveMaximum(field: String)

    public var description: String {
        switch self {
        case .tickTableMustStartAtZero:
            return "the tick table's first band must start at price 0"
        case .nonPositiveTick(let start):
            return "the tick of the band starting at \(start) must be positive"
        case .bandsNotIncreasing(let start):
            return "tick bands must have increasing start prices (band at \(start))"
        case .bandStartOffTick(let start):
            return "band start \(start) is not on the tick of the band below it"
        case .nonPositive(let field, let value):
            return "\(field) must be positive, got \(value)"
        case .minimumAboveMaximum(let field):
            return "minimum \(field) is above maximum \(field)"
        }
    }
}
