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

    /// What the chain owes: supply plus redemptions in flight; nil beyond 128 bits.
    public var chainSide: UInt128? { Self.sum(supplyShares, redemptionsInFlight) }

    /// What custody backs: settled reserve plus deposits being minted; nil beyond 128 bits.
    public var custodySide: UInt128? { Self.sum(settledReserve, depositsBeingMinted) }

    /// Whether the invariant holds.
    public var isMatched: Bool { difference.sign == 0 }

    /// Chain side minus custody side: positive is over-issue, negative is under-issue.
    /// Each side is summed with its carry (129 bits), so any two `UInt128` sums compare;
    /// a magnitude beyond 128 bits is reported as `UInt128.max`.
    public var difference: (sign: Int, magnitude: UInt128) {
        let chain = supplyShares.addingReportingOverflow(redemptionsInFlight)
        let custody = settledReserve.addingReportingOverflow(depositsBeingMinted)
        let a = (chain.overflow ? 1 : 0, chain.partialValue)
        let b = (custody.overflow ? 1 : 0, custody.partialValue)
        if a == b { return (0, 0) }
        let (sign, high, low) = a > b ? (1, a, b) : (-1, b, a)
        if high.0 == low.0 { return (sign, high.1 - low.1) }
        // high has the carry, low does not: 2^128 + high.1 - low.1.
        return (sign, high.1 >= low.1 ? UInt128.max : high.1 &- low.1)
    }

    private static func sum(_ a: UInt128, _ b: UInt128) -> UInt128? {
        let (s, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : s
    }
}
