/// One holder's position in one token: the balance, what compliance has frozen of it, and
/// what is escrowed in the holder's open exchange orders.
public struct TokenPosition: Sendable, Equatable {
    /// The token's address.
    public var token: Address
    /// Raw units held (for share tokens, shares = raw × multiplier / 10^18), escrowed
    /// units included: they are still the holder's, and carry the holder's dividends.
    public var balance: UInt128
    /// Raw units frozen by the compliance role (a partial freeze); may exceed the balance
    /// after a forced transfer, in which case nothing is transferable.
    public var frozen: UInt128
    /// Whether the whole position is frozen.
    public var isFullyFrozen: Bool
    /// Raw units locked in the holder's live exchange orders (shares of asks, cash of
    /// bids): part of `balance`, never more than it, and the sum of those orders'
    /// `ExchangeOrder.locked`. Only the exchange changes it.
    public var escrowed: UInt128

    public init(token: Address, balance: UInt128 = 0, frozen: UInt128 = 0, isFullyFrozen: Bool = false, escrowed: UInt128 = 0) {
        self.token = token
        self.balance = balance
        self.frozen = frozen
        self.isFullyFrozen = isFullyFrozen
        self.escrowed = escrowed
    }

    /// Raw units not escrowed: what a transfer, a forced transfer or a burn can reach.
    public var unescrowed: UInt128 { balance - min(balance, escrowed) }

    /// Raw units the holder may move: neither escrowed nor frozen.
    public var transferable: UInt128 {
        isFullyFrozen ? 0 : unescrowed - min(unescrowed, frozen)
    }

    /// Whether the position carries no information and can be dropped.
    var isEmpty: Bool { balance == 0 && frozen == 0 && !isFullyFrozen && escrowed == 0 }
}
