/// The ABI boundary of share tokens speaks shares; the ledger stores raw units.
/// These convert call amounts in and event amounts out with each token's multiplier.
extension WorldState {
    /// The raw units of `token` that are exactly `shares` share units; refused when
    /// there is no such whole number. The cash token and tokens at multiplier 1.0
    /// convert to the same number.
    func rawUnits(token: Address, shares: UInt128, argument: String) throws(Revert) -> UInt128 {
        guard let info = tokens[token] else { return shares }
        return try ShareUnits.requireRaw(shares: shares, multiplier: info.multiplier, argument: argument)
    }

    /// The raw units a transfer of `shares` from `holder` moves: exact, or the whole
    /// raw balance when `shares` is the holder's whole share balance (so "send all"
    /// also moves the remainder below one share unit).
    func rawUnitsToMove(token: Address, from holder: Address, shares: UInt128, argument: String) throws(Revert) -> UInt128 {
        guard let info = tokens[token], info.multiplier != ShareUnits.unit else { return shares }
        let balance = account(holder).balance(token)
        if ShareUnits.shares(raw: balance, multiplier: info.multiplier) == UInt256(shares) { return balance }
        return try ShareUnits.requireRaw(shares: shares, multiplier: info.multiplier, argument: argument)
    }

    /// `raw` units of `token` in share units (saturating at 2^128 - 1, which the
    /// multiplier bounds keep supplies below).
    func shareUnits(token: Address, raw: UInt128) -> UInt128 {
        guard let info = tokens[token], info.multiplier != ShareUnits.unit else { return raw }
        return ShareUnits.shares(raw: raw, multiplier: info.multiplier).uint128 ?? .max
    }

    /// Token events with their amounts in share units (allowances of 2^128 - 1 stay
    /// unlimited).
    func eventsInShares(_ events: [LedgerEvent]) -> [LedgerEvent] {
        events.map { event in
            switch event {
            case .transfer(let t, let from, let to, let amount):
                return .transfer(token: t, from: from, to: to, amount: shareUnits(token: t, raw: amount))
            case .approval(let t, let owner, let spender, let amount):
                return .approval(token: t, owner: owner, spender: spender, amount: amount == .max ? .max : shareUnits(token: t, raw: amount))
            case .mint(let t, let to, let amount, let depositId):
                return .mint(token: t, to: to, amount: shareUnits(token: t, raw: amount), depositId: depositId)
            case .redemption(let t, let id, let holder, let amount, let ref):
                return .redemption(token: t, id: id, holder: holder, amount: shareUnits(token: t, raw: amount), brokerageAccountRef: ref)
            case .freezeChanged(let t, let wallet, let full, let frozen, let reason):
                return .freezeChanged(token: t, wallet: wallet, isFullyFrozen: full, frozenAmount: shareUnits(token: t, raw: frozen), reason: reason)
            case .forcedTransfer(let t, let from, let to, let amount, let reason):
                return .forcedTransfer(token: t, from: from, to: to, amount: shareUnits(token: t, raw: amount), reason: reason)
            case .pauseChanged, .walletRecovered, .identityChanged, .countryRulesChanged, .corporateAction, .reserveAttested:
                return event
            }
        }
    }
}
