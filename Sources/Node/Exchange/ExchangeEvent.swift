import Matching

/// What the exchange did, in the manner of ITCH messages; logged by
/// `SystemAddress.exchange` (signatures in `ExchangeInterface`, docs/markets.md).
public enum ExchangeEvent: Sendable, Equatable {
    /// An order entered the book (it may then trade, rest, or be cancelled).
    case accepted(market: UInt32, order: UInt64, owner: Address, clientOrderId: UInt64, side: Side, price: Int64,
                  quantity: UInt128)
    /// The book refused an order or command; nothing changed.
    case rejected(market: UInt32, order: UInt64, owner: Address, clientOrderId: UInt64, reason: UInt8, message: String)
    /// A fill, settled: `quantity` shares (18 decimals) against `cash` units of the quote
    /// token. `takerSide` is 2 in an auction uncross (the maker is the sell order then).
    case trade(market: UInt32, maker: UInt64, taker: UInt64, makerOwner: Address, takerOwner: Address, takerSide: UInt8,
               price: Int64, quantity: UInt128, cash: UInt128, makerFee: UInt128, takerFee: UInt128)
    /// Quantity left the book without trading; `remaining` is what the order still has open.
    case cancelled(market: UInt32, order: UInt64, owner: Address, clientOrderId: UInt64, quantity: UInt128,
                   remaining: UInt128, reason: UInt8)
    /// A resting order's price or quantity changed (an amend).
    case amended(market: UInt32, order: UInt64, owner: Address, clientOrderId: UInt64, price: Int64, remaining: UInt128)
    /// The issuer listed a market.
    case listed(market: UInt32, symbol: String, base: Address)
    /// An auction uncrossed: one print for all its fills.
    case auction(market: UInt32, kind: UInt8, price: Int64, quantity: UInt128)
}
