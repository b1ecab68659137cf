/// The compliance rules a trader must meet to place or amend an order, applied in the
/// manner of `TransferCompliance` to both legs of every trade it may make: no pause on
/// the chain or either token, no frozen position in either token, a verified and
/// current identity, and a country the share token admits (the trader may receive it).
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

    /// The pause that halts a market (chain-wide or on either token), or nil.
    static func haltRestriction(_ state: WorldState, _ definition: MarketDefinition) -> TransferRestriction? {
        if state.system.paused.contains(.transfers) { return .chainPaused }
        for token in [definition.base, definition.quote] where state.token(token)?.paused.contains(.transfers) ?? false {
            return .tokenPaused
        }
        return nil
    }
}
