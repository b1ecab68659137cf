/// What the compliance role may do: maintain the identity registry, set country rules,
/// freeze and pause, move tokens by force and recover lost wallets.
extension WorldState {
    private func requireCompliance(_ caller: Address) throws(Revert) {
        guard caller == system.compliance else { throw Revert("caller is not the compliance officer") }
    }

    private func requireToken(_ token: Address) throws(Revert) -> TokenState {
        guard let info = tokens[token] else { throw Revert(.unknownToken) }
        return info
    }

    private static func validCountry(_ c: String) -> Bool {
        c.utf8.count == 2 && c.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5a }
    }

    /// Registers `wallet` for investor `investorId`, creating the investor or updating
    /// its country, KYC expiry and tax category.
    public mutating func registerIdentity(
        caller: Address, wallet: Address, investorId: String, country: String, kycExpiry: UInt64, taxCategory: TaxCategory
    ) throws(Revert) -> [LedgerEvent] {
        try requireCompliance(caller)
        guard !investorId.isEmpty, investorId.utf8.count <= 64 else { throw Revert("investor id must be 1 to 64 bytes") }
        guard Self.validCountry(country) else { throw Revert("country must be an ISO 3166-1 alpha-2 code") }
        guard wallet != .zero else { throw Revert("wallet is the zero address") }
        guard !SystemAddress.fundAccounts.contains(wallet) else { throw Revert("wallet is a system account") }
        if let owner = walletInvestors[wallet], owner != investorId {
            throw Revert("wallet already belongs to investor \(owner)")
        }
        var identity = investors[investorId]
            ?? Identity(investorId: investorId, country: country, kycExpiry: kycExpiry, taxCategory: taxCategory, wallets: [])
        identity.country = country
        identity.kycExpiry = kycExpiry
        identity.taxCategory = taxCategory
        if !identity.wallets.contains(wallet) { identity.wallets.append(wallet) }
        setInvestor(identity)
        return [.identityChanged(investorId: investorId, wallet: wallet)]
    }

    /// Unlinks `wallet` from its investor; the investor is removed with its last wallet.
    public mutating func removeWallet(caller: Address, wallet: Address) throws(Revert) -> [LedgerEvent] {
        try requireCompliance(caller)
        guard let id = walletInvestors[wallet], var identity = investors[id] else { throw Revert("wallet is not registered") }
        identity.wallets.removeAll { $0 == wallet }
        if identity.wallets.isEmpty { removeInvestor(id) } else { setInvestor(identity); setWallet(wallet, investorId: nil) }
        return [.identityChanged(investorId: id, wallet: wallet)]
    }

    /// Replaces a token's country allow and deny lists.
    public mutating func setCountryRules(caller: Address, token: Address, allowed: [String], denied: [String]) throws(Revert) -> [LedgerEvent] {
        try requireCompliance(caller)
        var info = try requireToken(token)
        guard (allowed + denied).allSatisfy(Self.validCountry) else { throw Revert("country must be an ISO 3166-1 alpha-2 code") }
        info.allowedCountries = allowed.sorted()
        info.deniedCountries = denied.sorted()
        setToken(token, info)
        return [.countryRulesChanged(token: token)]
    }

    /// Freezes or unfreezes a whole position.
    public mutating func setFrozen(caller: Address, token: Address, wallet: Address, frozen: Bool, reason: String) throws(Revert) -> [LedgerEvent] {
        try requireCompliance(caller)
        _ = try requireToken(token)
        updatePosition(wallet, token) { $0.isFullyFrozen = frozen }
        let p = account(wallet).position(token)
        return [.freezeChanged(token: token, wallet: wallet, isFullyFrozen: p.isFullyFrozen, frozenAmount: p.frozen, reason: reason)]
    }

    /// Freezes (`freeze == true`) or unfreezes `amount` raw units of a position.
    public mutating func changePartialFreeze(
        caller: Address, token: Address, wallet: Address, amount: UInt128, freeze: Bool, reason: String
    ) throws(Revert) -> [LedgerEvent] {
        try requireCompliance(caller)
        _ = try requireToken(token)
        let p = account(wallet).position(token)
        if freeze {
            guard p.balance - min(p.balance, p.frozen) >= amount else { throw Revert("amount exceeds the unfrozen balance") }
            updatePosition(wallet, token) { $0.frozen += amount }
        } else {
            guard p.frozen >= amount else { throw Revert("amount exceeds the frozen balance") }
            updatePosition(wallet, token) { $0.frozen -= amount }
        }
        let after = account(wallet).position(token)
        return [.freezeChanged(token: token, wallet: wallet, isFullyFrozen: after.isFullyFrozen, frozenAmount: after.frozen, reason: reason)]
    }

    /// Pauses or unpauses `scope` for one token, or chain-wide when `token` is zero.
    public mutating func setPaused(caller: Address, token: Address, scope: PauseScope, paused: Bool) throws(Revert) -> [LedgerEvent] {
        try requireCompliance(caller)
        guard !scope.isEmpty, PauseScope.all.isSuperset(of: scope) else { throw Revert("unknown pause scope") }
        if token == .zero {
            var sys = system
            if paused { sys.paused.formUnion(scope) } else { sys.paused.subtract(scope) }
            setSystem(sys)
        } else {
            var info = try requireToken(token)
            if paused { info.paused.formUnion(scope) } else { info.paused.subtract(scope) }
            setToken(token, info)
        }
        return [.pauseChanged(token: token, scope: scope, paused: paused)]
    }

    /// Moves `amount` from `from` to a verified `to` without `from`'s signature,
    /// unfreezing the frozen part as far as needed (as ERC-3643's `forcedTransfer`).
    public mutating func forcedTransfer(
        caller: Address, token: Address, from: Address, to: Address, amount: UInt128, reason: String, time: UInt64
    ) throws(Revert) -> [LedgerEvent] {
        try requireCompliance(caller)
        let info = try requireToken(token)
        guard to != .zero else { throw Revert(.recipientIsZeroAddress) }
        guard !reason.isEmpty else { throw Revert("a forced transfer needs a reason") }
        guard !SystemAddress.fundAccounts.contains(from) else { throw Revert("cannot force a transfer out of a system account") }
        let p = account(from).position(token)
        guard p.balance >= amount else { throw Revert(.insufficientBalance) }
        // Escrowed units belong to live exchange orders: the holder cancels them first.
        guard p.unescrowed >= amount else { throw Revert(.amountEscrowed) }
        if info.kind == .share, let r = TransferCompliance.recipientRestriction(self, info, to, time) { throw Revert(r) }
        if p.transferable < amount, !p.isFullyFrozen {
            let shortfall = amount - p.transferable
            updatePosition(from, token) { $0.frozen -= min($0.frozen, shortfall) }
        }
        moveBalance(token: token, from: from, to: to, amount: amount)
        updatePosition(from, token) { $0.frozen = min($0.frozen, $0.balance) }
        return [.transfer(token: token, from: from, to: to, amount: amount),
                .forcedTransfer(token: token, from: from, to: to, amount: amount, reason: reason)]
    }

    /// Moves every position of a lost wallet (balance, frozen part and flags) to a new
    /// wallet of the same investor, and relinks the identity. What is escrowed in the lost
    /// wallet's open exchange orders stays with those orders (their owner is the lost
    /// wallet): fills pay it, cancels and expiries release it, to the lost wallet.
    public mutating func recoverWallet(caller: Address, lost: Address, replacement: Address, investorId: String) throws(Revert) -> [LedgerEvent] {
        try requireCompliance(caller)
        guard walletInvestors[lost] == investorId, var identity = investors[investorId] else {
            throw Revert("lost wallet does not belong to investor \(investorId)")
        }
        guard replacement != .zero, replacement != lost else { throw Revert("replacement wallet is invalid") }
        if let owner = walletInvestors[replacement], owner != investorId {
            throw Revert("replacement wallet belongs to investor \(owner)")
        }
        guard account(replacement).positions.isEmpty else { throw Revert("replacement wallet already holds tokens") }
        var events: [LedgerEvent] = []
        let old = account(lost)
        for p in old.positions {
            let moved = p.unescrowed
            updatePosition(replacement, p.token) {
                $0 = TokenPosition(token: p.token, balance: moved, frozen: p.frozen, isFullyFrozen: p.isFullyFrozen)
            }
            updatePosition(lost, p.token) { $0 = TokenPosition(token: p.token, balance: p.escrowed, escrowed: p.escrowed) }
            if moved > 0 { events.append(.transfer(token: p.token, from: lost, to: replacement, amount: moved)) }
        }
        identity.wallets.removeAll { $0 == lost }
        if !identity.wallets.contains(replacement) { identity.wallets.append(replacement) }
        setWallet(lost, investorId: nil)
        setInvestor(identity)
        events.append(.walletRecovered(lost: lost, replacement: replacement, investorId: investorId))
        return events
    }
}
