/// A token's ledger-level state: what it is, its supply and its compliance settings.
public struct TokenState: Sendable, Equatable {
    /// Whether this is a share token or the cash token.
    public enum Kind: UInt8, Sendable {
        case share = 0
        case cash = 1
    }

    public var kind: Kind
    public var symbol: String
    public var name: String
    public var decimals: UInt8
    /// For share tokens the ISIN and CUSIP; empty for cash.
    public var isin: String
    public var cusip: String
    /// Total raw units in existence.
    public var totalSupply: UInt128
    /// Shares per raw unit as an 18-decimal fixed point (10^18 = 1.0; always 10^18 for cash).
    public var multiplier: UInt128
    /// What is paused for this token.
    public var paused: PauseScope
    /// When non-empty, only residents of these countries may receive the token.
    public var allowedCountries: [String]
    /// Residents of these countries may not receive the token.
    public var deniedCountries: [String]

    public init(kind: Kind, symbol: String, name: String, decimals: UInt8, isin: String = "", cusip: String = "",
                totalSupply: UInt128 = 0, multiplier: UInt128 = TokenState.unitMultiplier, paused: PauseScope = [],
                allowedCountries: [String] = [], deniedCountries: [String] = []) {
        self.kind = kind
        self.symbol = symbol
        self.name = name
        self.decimals = decimals
        self.isin = isin
        self.cusip = cusip
        self.totalSupply = totalSupply
        self.multiplier = multiplier
        self.paused = paused
        self.allowedCountries = allowedCountries
        self.deniedCountries = deniedCountries
    }

    /// A multiplier of 1.0.
    public static let unitMultiplier: UInt128 = 1_000_000_000_000_000_000

    /// Whether residents of `country` may receive this token.
    public func admits(country: String) -> Bool {
        if deniedCountries.contains(country) { return false }
        return allowedCountries.isEmpty || allowedCountries.contains(country)
    }
}
