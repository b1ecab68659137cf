/// ERC-20 transfers and allowances, with the ledger's compliance rules.
///
/// Amounts are raw units. An allowance of `UInt128.max` is unlimited: `transferFrom`
/// does not decrease it (the common "infinite approval" of wallets and DEXes).
extension WorldState {
    /// Moves `amount` from `from` to `to`, or reverts with the first restriction.
    public mutating func transfer(token: Address, from: Address, to: Address, amount: UInt128, time: UInt64) throws(Revert) -> [LedgerEvent] {
        let restriction = TransferCompliance.check(self, token: token, from: from, to: to, amount: amount, time: time)
        guard restriction == .none else { throw Revert(restriction) }
        moveBalance(token: token, from: from, to: to, amount: amount)
        return [.transfer(token: token, from: from, to: to, amount: amount)]
    }

    /// Moves balance without checks (the callers checked); a self-transfer changes nothing.
    mutating func moveBalance(token: Address, from: Address, to: Address, amount: UInt128) {
        guard from != to, amount > 0 else { return }
        updatePosition(from, token) { $0.balance -= amount }
        // Cannot overflow: every balance is at most the token's total supply.
        updatePosition(to, token) { $0.balance += amount }
    }

    /// Sets `spender`'s allowance over `owner`'s tokens.
    public mutating func approve(token: Address, owner: Address, spender: Address, amount: UInt128) throws(Revert) -> [LedgerEvent] {
        guard tokens[token] != nil else { throw Revert(.unknownToken) }
        guard spender != .zero else { throw Revert("approve to the zero address") }
        setAllowance(AllowanceKey(token: token, owner: owner, spender: spender), amount)
        return [.approval(token: token, owner: owner, spender: spender, amount: amount)]
    }

    /// `spender` moves `amount` of `from`'s tokens to `to` within its allowance.
    public mutating func transferFrom(
        token: Address, spender: Address, from: Address, to: Address, amount: UInt128, time: UInt64
    ) throws(Revert) -> [LedgerEvent] {
        let key = AllowanceKey(token: token, owner: from, spender: spender)
        let allowed = allowance(key)
        guard allowed >= amount else { throw Revert("insufficient allowance") }
        let events = try transfer(token: token, from: from, to: to, amount: amount, time: time)
        if allowed != .max { setAllowance(key, allowed - amount) }
        return events
    }
}
