/// The compliance rules a trader must meet to place or amend an order, applied in the
/// manner of `TransferCompliance` to both legs of every trade it may make: no pause on
/// the chain or either token, no frozen position in either token, a verified and
/// current identity, and a country the share token admits (the trader may receive it).
import Matching

enum ExchangeCompliance {
    /// Why `trader` may not trade on `definition`'s market at `time`, or nil.
    static func restriction(_ state: WorldState, trader: Address, _ definition: MarketDefinition, time: UInt64) -> TransferRestriction? {
        if let halt = haltRestriction(state, definition) { return halt }
        let account = state.account(trader)
        if account.position(definition.base).isFullyFrozen || account.position(definition.quote).isFullyFrozen {
            return .senderFrozen
        }
        guard let identity = state.identity(of: trader) else { return .senderNotVerified }
        guard identity.isVerified(at: time) else { return .senderVerificationExpired }
        if let base = state.token(definition.base), !base.admits(country: identity.country) { return .recipientCountryNotAllowed }
        return nil
    }

    /// The resting orders an incoming order could meet whose owners may no longer trade
    /// (frozen, verification lapsed or removed, country no longer admitted), in priority
    /// order: the exchange cancels them before the order runs, so that no fill settles
    /// with a counterparty that fails the rules now.
    static func refusedCounterparties(
        _ state: WorldState, _ market: Market, side: Side, price: Int64, quantity: Int64, owner: UInt64, time: UInt64
    ) -> [UInt64] {
        let id = market.definition.id
        return market.session.book.crossingOrders(side: side, price: price, quantity: quantity, excludingOwner: owner).compactMap { resting in
            guard let record = state.exchangeOrders[ExchangeOrderKey(market: id, id: resting.id)],
                  restriction(state, trader: record.owner, market.definition, time: time) != nil else { return nil }
            return resting.id
        }
    }

    /// The orders of a whole book, and the auction-only orders waiting to join it, whose
    /// owners may no longer trade, in id order: the market clock withdraws them before an
    /// auction uncrosses the book.
    static func refusedOrders(_ state: WorldState, _ market: Market, time: UInt64) -> [UInt64] {
        let id = market.definition.id
        let book = market.session.book
        let waiting = market.session.waitingOrders.map(\.id)
        return ((book.restingOrders(on: .buy) + book.restingOrders(on: .sell)).map(\.id) + waiting).sorted().filter { order in
            guard let record = state.exchangeOrders[ExchangeOrderKey(market: id, id: order)] else { return false }
            return restriction(state, trader: record.owner, market.definition, time: time) != nil
        }
    }

    /// The pause that halts a market (chain-wide or on either token), or nil.
    static func haltRestriction(_ state: WorldState, _ definition: MarketDefinition) -> TransferRestriction? {
        if state.system.paused.contains(.transfers) { return .chainPaused }
        for token in [definition.base, definition.quote] where state.token(token)?.paused.contains(.transfers) ?? false {
            return .tokenPaused
        }
        return nil
    }
}
