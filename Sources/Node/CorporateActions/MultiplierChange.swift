/// One entry of a token's multiplier history (state key tag 0x0D, by token and
/// nonce): a forward split, reverse split or stock dividend as a change of the
/// share-per-raw-unit multiplier.
public struct MultiplierChange: Sendable, Equatable {
    /// 1 for the token's first change, then sequential.
    public var nonce: UInt64
    /// The multiplier before (18-decimal fixed point).
    public var prior: UInt128
    /// The multiplier after.
    public var multiplier: UInt128
    /// The change takes effect at the start of the first block whose timestamp is at or after this.
    public var effectiveAt: UInt64
    /// Block in which it was scheduled.
    public var scheduledInBlock: UInt64
    /// Block in which it took effect (0 while scheduled).
    public var effectiveInBlock: UInt64

    public init(nonce: UInt64, prior: UInt128, multiplier: UInt128, effectiveAt: UInt64, scheduledInBlock: UInt64, effectiveInBlock: UInt64 = 0) {
        self.nonce = nonce
        self.prior = prior
        self.multiplier = multiplier
        self.effectiveAt = effectiveAt
        self.scheduledInBlock = scheduledInBlock
        self.effectiveInBlock = effectiveInBlock
    }

    /// Whether it has taken effect.
    public var isEffective: Bool { effectiveInBlock != 0 }
}
