/// One holder's position in one token: the balance and what compliance has frozen of it.
public struct TokenPosition: Sendable, Equatable {
    /// The token's address.
    public var token: Address
    /// Raw units held (for share tokens, shares = raw × multiplier / 10^18).
    public var balance: UInt128
    /// Raw units frozen by the compliance role (a partial freeze); may exceed the balance
    /// after a forced transfer, in which case nothing is transferable.
    public var frozen: UInt128
    /// Whether the whole position is frozen.
    public var isFullyFrozen: Bool

    public init(token: Address, balance: UInt128 = 0, frozen: UInt128 = 0, isFullyFrozen: Bool = false) {
        self.token = token
        self.balance = balance
        self.frozen = frozen
        self.isFullyFrozen = isFullyFrozen
    }

    /// Raw units the holder may move.
    public var transferable: UInt128 {
        isFullyFrozen ? 0 : (balance > frozen ? balance - frozen : 0)
    }

    /// Whether the position carries no information and can be dropped.
    var isEmpty: Bool { balance == 0 && frozen == 0 && !isFullyFrozen }
}
