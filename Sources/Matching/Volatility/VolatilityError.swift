/// Why a volatility-control setting or computation was refused.
public enum VolatilityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A parameter that must be positive was not.
    case nonPositive(field: String, value: Int64)
    /// A price is too large for the band arithmetic (64-bit products overflow).
    case priceTooLarge(Int64)

    public var description: String {
        switch self {
        case let .nonPositive(field, value):
            return "\(field) is \(value); it must be positive"
        case let .priceTooLarge(price):
            return "price \(price) is too large for band arithmetic; use a coarser price unit"
        }
    }
}
