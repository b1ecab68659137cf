import Custody

/// Everything the reconciler knows about one ISIN: the four figures of the reserve
/// invariant and what could explain a difference.
public struct ReservePosition: Sendable, Equatable {
    public var isin: ISIN
    /// The token's symbol, when a token carries the ISIN.
    public var symbol: String?
    public var balance: ReserveBalance
    /// Settled deposits with a chain address not minted yet (reference, shares).
    public var unmintedDeposits: [(reference: String, shares: UInt128)]
    /// Redemptions on chain without a custody withdrawal (id, shares).
    public var unprocessedRedemptions: [(id: UInt64, shares: UInt128)]

    public init(isin: ISIN, symbol: String?, balance: ReserveBalance,
                unmintedDeposits: [(reference: String, shares: UInt128)] = [],
                unprocessedRedemptions: [(id: UInt64, shares: UInt128)] = []) {
        self.isin = isin
        self.symbol = symbol
        self.balance = balance
        self.unmintedDeposits = unmintedDeposits
        self.unprocessedRedemptions = unprocessedRedemptions
    }

    public static func == (a: ReservePosition, b: ReservePosition) -> Bool {
        a.isin == b.isin && a.symbol == b.symbol && a.balance == b.balance
            && a.unmintedDeposits.elementsEqual(b.unmintedDeposits, by: { $0 == $1 })
            && a.unprocessedRedemptions.elementsEqual(b.unprocessedRedemptions, by: { $0 == $1 })
    }
}
