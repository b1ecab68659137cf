/// One asset's two sides of the reserve invariant, in whole-share units scaled by
/// 10^18 (the share token's decimals), so fractional shares compare exactly:
///
///     token supply in shares + redemptions in flight
///       == settled shares in the custody reserve account + deposits being minted
///
/// The left side is what the chain owes; the right side is what custody holds or is
/// about to make the chain owe.
public struct ReserveBalance: Sendable, Equatable {
    /// On-chain supply of the token, converted to shares (multiplier applied).
    public var supplyShares: UInt128
    /// Shares burned on chain whose custody withdrawal has not yet shown on a statement.
    public var redemptionsInFlight: UInt128
    /// Settled shares in the custody reserve account.
    public var settledReserve: UInt128
    /// Shares received in custody whose mint has not yet been committed on chain.
    public var depositsBeingMinted: UInt128

    public init(supplyShares: UInt128, redemptionsInFlight: UInt128, settledReserve: UInt128, depositsBeingMinted: UInt128) {
        self.supplyShares = supplyShares
        self.redemptionsInFlight = redemptionsInFlight
        self.settledReserve = settledReserve
        self.depositsBeingMinted = depositsBeingMinted
    }

    /// What the chain owes: supply plus redemptions in flight.
    public var chainSide: UInt128 { supplyShares + redemptionsInFlight }

    /// What custody backs: settled reserve plus deposits being minted.
    public var custodySide: UInt128 { settledReserve + depositsBeingMinted }

    /// Whether the invariant holds.
    public var isMatched: Bool { chainSide == custodySide }

    /// Chain side minus custody side: positive is over-issue, negative is under-issue.
    /// Wide enough for any two `UInt128` sums.
    public var difference: (sign: Int, magnitude: UInt128) {
        let (chain, custody) = (chainSide, custodySide)
        if chain == custody { return (0, 0) }
        return chain > custody ? (1, chain - custody) : (-1, custody - chain)
    }
}
