/// The transfer rules of the ledger in the manner of ERC-3643: pauses, freezes, the
/// identity registry (verified, not expired) and country rules, then balances.
///
/// Identity and country rules apply to share tokens; the cash token obeys pauses,
/// freezes and balances only.
public enum TransferCompliance {
    /// The first rule that refuses moving `amount` raw units of `token` from `from`
    /// to `to` at block time `time`, or `.none`.
    public static func check(
        _ state: WorldState, token: Address, from: Address, to: Address, amount: UInt128, time: UInt64
    ) -> TransferRestriction {
        guard let info = state.token(token) else { return .unknownToken }
        if to == .zero { return .recipientIsZeroAddress }
        if state.system.paused.contains(.transfers) { return .chainPaused }
        if info.paused.contains(.transfers) { return .tokenPaused }
        let sender = state.account(from).position(token)
        if sender.isFullyFrozen { return .senderFrozen }
        if state.account(to).position(token).isFullyFrozen { return .recipientFrozen }
        if info.kind == .share {
            if let r = identityRestriction(state, from, time, missing: .senderNotVerified, expired: .senderVerificationExpired) {
                return r
            }
            if let r = recipientRestriction(state, info, to, time) { return r }
        }
        if sender.balance < amount { return .insufficientBalance }
        if sender.unescrowed < amount { return .amountEscrowed }
        if sender.transferable < amount { return .amountFrozen }
        return .none
    }

    /// Whether `wallet` may receive `info`'s token (verified, current, admitted country).
    static func recipientRestriction(_ state: WorldState, _ info: TokenState, _ wallet: Address, _ time: UInt64) -> TransferRestriction? {
        if let r = identityRestriction(state, wallet, time, missing: .recipientNotVerified, expired: .recipientVerificationExpired) {
            return r
        }
        if let identity = state.identity(of: wallet), !info.admits(country: identity.country) {
            return .recipientCountryNotAllowed
        }
        return nil
    }

    private static func identityRestriction(
        _ state: WorldState, _ wallet: Address, _ time: UInt64, missing: TransferRestriction, expired: TransferRestriction
    ) -> TransferRestriction? {
        guard let identity = state.identity(of: wallet) else { return missing }
        return identity.isVerified(at: time) ? nil : expired
    }
}
