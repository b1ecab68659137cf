import Foundation

/// Supply changes backed by custody: mints against deposits, administrative burns,
/// and holder redemptions that the bridge turns into share deliveries.
extension WorldState {
    private func requireCustodian(_ caller: Address) throws(Revert) {
        guard caller == system.custodian else { throw Revert("caller is not the custodian") }
    }

    private func shareOrCashToken(_ token: Address) throws(Revert) -> TokenState {
        guard let info = tokens[token] else { throw Revert(.unknownToken) }
        return info
    }

    /// Mints `amount` to `to` for custody deposit `depositId`; a deposit mints once, ever.
    public mutating func mint(
        token: Address, caller: Address, to: Address, amount: UInt128, depositId: Bytes32, block: BlockContext
    ) throws(Revert) -> [LedgerEvent] {
        try requireCustodian(caller)
        var info = try shareOrCashToken(token)
        if system.paused.contains(.mint) || info.paused.contains(.mint) { throw Revert("minting is paused") }
        guard deposits[depositId] == nil else { throw Revert("deposit \(depositId) was already minted") }
        guard amount > 0 else { throw Revert("mint amount is zero") }
        guard to != .zero else { throw Revert(.recipientIsZeroAddress) }
        if account(to).position(token).isFullyFrozen { throw Revert(.recipientFrozen) }
        if info.kind == .share, let r = TransferCompliance.recipientRestriction(self, info, to, block.timestamp) {
            throw Revert(r)
        }
        let (supply, overflow) = info.totalSupply.addingReportingOverflow(amount)
        guard !overflow else { throw Revert("total supply would overflow") }
        try requireDividendFunding(token: token, newSupply: supply)
        info.totalSupply = supply
        setToken(token, info)
        updatePosition(to, token) { $0.balance += amount }
        recordDeposit(Deposit(id: depositId, token: token, recipient: to, amount: amount, blockNumber: block.number))
        return [.transfer(token: token, from: .zero, to: to, amount: amount),
                .mint(token: token, to: to, amount: amount, depositId: depositId)]
    }

    /// The custodian burns `amount` of `from`'s tokens (e.g. to correct an over-issue).
    public mutating func burn(token: Address, caller: Address, from: Address, amount: UInt128) throws(Revert) -> [LedgerEvent] {
        try requireCustodian(caller)
        var info = try shareOrCashToken(token)
        guard !SystemAddress.fundAccounts.contains(from) else { throw Revert("cannot burn from a system account") }
        let position = account(from).position(token)
        guard position.balance >= amount else { throw Revert(.insufficientBalance) }
        guard position.unescrowed >= amount else { throw Revert(.amountEscrowed) }
        info.totalSupply -= amount
        setToken(token, info)
        updatePosition(from, token) { $0.balance -= amount; $0.frozen = min($0.frozen, $0.balance) }
        return [.transfer(token: token, from: from, to: .zero, amount: amount)]
    }

    /// A holder burns `amount` of a share token to have the shares delivered to its
    /// brokerage account; the bridge follows the `Redemption` event.
    public mutating func redeem(
        token: Address, holder: Address, amount: UInt128, brokerageAccountRef: String, block: BlockContext
    ) throws(Revert) -> [LedgerEvent] {
        var info = try shareOrCashToken(token)
        guard info.kind == .share else { throw Revert("only share tokens can be redeemed") }
        if system.paused.contains(.redeem) || info.paused.contains(.redeem) { throw Revert("redemption is paused") }
        let ref = brokerageAccountRef.trimmingCharacters(in: .whitespaces)
        guard !ref.isEmpty, ref.utf8.count <= 64 else { throw Revert("brokerage account reference must be 1 to 64 characters") }
        guard amount > 0 else { throw Revert("redeem amount is zero") }
        let position = account(holder).position(token)
        if position.isFullyFrozen { throw Revert(.senderFrozen) }
        guard position.balance >= amount else { throw Revert(.insufficientBalance) }
        guard position.transferable >= amount else { throw Revert(.amountFrozen) }
        info.totalSupply -= amount
        setToken(token, info)
        updatePosition(holder, token) { $0.balance -= amount }
        var sys = system
        let id = sys.nextRedemptionId
        sys.nextRedemptionId += 1
        setSystem(sys)
        recordRedemption(Redemption(id: id, token: token, holder: holder, amount: amount, brokerageAccountRef: ref, blockNumber: block.number))
        return [.transfer(token: token, from: holder, to: .zero, amount: amount),
                .redemption(token: token, id: id, holder: holder, amount: amount, brokerageAccountRef: ref)]
    }
}
