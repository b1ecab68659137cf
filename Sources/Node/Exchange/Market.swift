import Matching

/// One on-chain market: its definition, its session engine (book, phase, auctions,
/// bands) and the counters the exchange keeps beside them. Stored as one state leaf
/// (`StateKey.market`); see docs/markets.md.
public struct Market: Sendable {
    public let definition: MarketDefinition
    /// The book and the session state.
    public internal(set) var session: MarketSession
    /// The id the next order gets (ids are per market, from 1).
    public internal(set) var nextOrderId: UInt64
    /// How many share-count changes (splits) the books have been adjusted for: an
    /// order priced for another epoch is refused.
    public internal(set) var multiplierEpoch: UInt64
    /// The reference market's official close last applied to this market's collar.
    public internal(set) var appliedReferenceClose: Int64?

    /// A new, empty market.
    public init(definition: MarketDefinition) throws(ExchangeSetupError) {
        let rules: MarketRules
        let configuration: MarketConfiguration
        do { rules = try definition.rules() } catch { throw .invalid(definition.symbol, error.description) }
        do { configuration = try definition.configuration() } catch { throw .invalid(definition.symbol, error.description) }
        self.definition = definition
        self.session = MarketSession(configuration: configuration, rules: rules)
        self.nextOrderId = 1
        self.multiplierEpoch = 0
        self.appliedReferenceClose = nil
    }

    /// A stored market.
    init(definition: MarketDefinition, session: MarketSession, nextOrderId: UInt64, multiplierEpoch: UInt64,
         appliedReferenceClose: Int64?) {
        self.definition = definition
        self.session = session
        self.nextOrderId = nextOrderId
        self.multiplierEpoch = multiplierEpoch
        self.appliedReferenceClose = appliedReferenceClose
    }
}

/// A market definition the node cannot run.
public enum ExchangeSetupError: Error, Sendable, CustomStringConvertible {
    case invalid(String, String)

    public var description: String {
        switch self {
        case .invalid(let symbol, let problem): return "market \(symbol): \(problem)"
        }
    }
}
