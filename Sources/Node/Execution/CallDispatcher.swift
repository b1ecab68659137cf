/// Executes ABI calls to the chain's native contracts: every token (ERC-20 plus
/// `ShareTokenInterface`), the compliance registry and the reserves contract. A call to any other address
/// executes nothing and succeeds, as a call to an Ethereum account without code does.
///
/// Writes go into `state`; the caller takes a checkpoint and reverts on `Revert`.
public enum CallDispatcher {
    /// Executes `data` sent by `sender` to `to`.
    public static func call(
        _ state: inout WorldState, sender: Address, to: Address, data: [UInt8], block: BlockContext
    ) throws(Revert) -> CallResult {
        if let token = state.token(to) { return try tokenCall(&state, token, sender: sender, at: to, data: data, block: block) }
        if to == SystemAddress.compliance { return try complianceCall(&state, sender: sender, data: data, block: block) }
        if to == SystemAddress.dividends { return try dividendsCall(&state, sender: sender, data: data, block: block) }
        if to == SystemAddress.reserves { return try ReservesInterface.execute(&state, sender: sender, data: data, block: block) }
        return CallResult(output: [])
    }

    /// Whether `address` holds one of the native contracts (what `eth_getCode` reports).
    public static func hasCode(_ state: WorldState, at address: Address) -> Bool {
        state.token(address) != nil || SystemAddress.all.contains(address)
    }

    /// The execution gas of `data` at `to`: the selected function's cost (see `GasSchedule`).
    public static func executionGas(_ state: WorldState, to: Address, data: [UInt8]) -> UInt64 {
        guard hasCode(state, at: to), let selector = ABISelector(calldata: data) else { return 0 }
        if to == SystemAddress.dividends { return DividendsInterface.executionGas(selector: selector, data: data) }
        return gasBySelector[selector] ?? GasSchedule.Execution.view
    }

    private static let gasBySelector: [ABISelector: UInt64] = {
        typealias G = GasSchedule.Execution
        let c = ComplianceInterface.self
        var table: [ABISelector: UInt64] = [
            ERC20.transfer.selector: G.transfer, ERC20.approve.selector: G.approve,
            ERC20.transferFrom.selector: G.transferFrom, ShareTokenInterface.mint.selector: G.mint,
            ShareTokenInterface.burn.selector: G.burn, ShareTokenInterface.redeem.selector: G.redeem,
            c.forcedTransfer.selector: G.forcedTransfer, c.recoverWallet.selector: G.walletRecovery,
            MultiplierInterface.transferWithEpoch.selector: G.transfer,
            ReservesInterface.attest.selector: G.reserveAttestation,
        ]
        for f in [c.registerIdentity, c.removeWallet, c.setCountryRules, c.freeze, c.unfreeze, c.freezePartial,
                  c.unfreezePartial, c.pause, c.unpause] {
            table[f.selector] = G.complianceAdmin
        }
        return table
    }()

    static func output(_ function: ABIFunction, _ values: [ABIValue]) -> [UInt8] {
        // Output values are built here to match the declared output types.
        try! function.encodeOutput(values)
    }

    private static let success: [ABIValue] = [.bool(true)]

    /// The output of ERC-20's `transfer`, `approve` and `transferFrom` (each returns `bool`
    /// true), encoded once.
    private static let returnsTrue = output(ERC20.transfer, success)

    // MARK: Tokens

    private static func tokenCall(
        _ state: inout WorldState, _ token: TokenState, sender: Address, at address: Address, data: [UInt8], block: BlockContext
    ) throws(Revert) -> CallResult {
        guard let selector = ABISelector(calldata: data) else {
            throw Revert(data.isEmpty ? "tokens do not accept plain transfers; call transfer(address,uint256)" : "calldata shorter than a selector")
        }
        let t = ShareTokenInterface.self
        // Amounts at this boundary are share units; the ledger moves raw units.
        let scaled = token.multiplier != ShareUnits.unit
        switch selector {
        case ERC20.transfer.selector:
            let (to, amount): (Address, UInt128)
            if let fast = ERC20WriteArguments.transfer(data) { (to, amount) = fast } else {
                let a = try CallArguments(ERC20.transfer, calldata: data)
                (to, amount) = (try a.address(0), try a.amount(1))
            }
            let raw = scaled ? try state.rawUnitsToMove(token: address, from: sender, shares: amount, argument: "amount") : amount
            let events = try state.transfer(token: address, from: sender, to: to, amount: raw, time: block.timestamp)
            return CallResult(output: returnsTrue, events: scaled ? state.eventsInShares(events) : events)
        case ERC20.approve.selector:
            let (spender, amount): (Address, UInt128)
            if let fast = ERC20WriteArguments.approve(data) { (spender, amount) = fast } else {
                let a = try CallArguments(ERC20.approve, calldata: data)
                (spender, amount) = (try a.address(0), try a.saturatingAmount(1))
            }
            let raw = scaled && amount != .max ? try state.rawUnits(token: address, shares: amount, argument: "amount") : amount
            let events = try state.approve(token: address, owner: sender, spender: spender, amount: raw)
            return CallResult(output: returnsTrue, events: scaled ? state.eventsInShares(events) : events)
        case ERC20.transferFrom.selector:
            let (from, to, amount): (Address, Address, UInt128)
            if let fast = ERC20WriteArguments.transferFrom(data) { (from, to, amount) = fast } else {
                let a = try CallArguments(ERC20.transferFrom, calldata: data)
                (from, to, amount) = (try a.address(0), try a.address(1), try a.amount(2))
            }
            let raw = scaled ? try state.rawUnitsToMove(token: address, from: from, shares: amount, argument: "amount") : amount
            let events = try state.transferFrom(
                token: address, spender: sender, from: from, to: to, amount: raw, time: block.timestamp)
            return CallResult(output: returnsTrue, events: scaled ? state.eventsInShares(events) : events)
        case ERC20.balanceOf.selector:
            let a = try CallArguments(ERC20.balanceOf, calldata: data)
            let raw = try state.account(a.address(0)).balance(address)
            return CallResult(output: output(ERC20.balanceOf, [.uint(ShareUnits.shares(raw: raw, multiplier: token.multiplier))]))
        case ERC20.allowance.selector:
            let a = try CallArguments(ERC20.allowance, calldata: data)
            let allowed = try state.allowance(AllowanceKey(token: address, owner: a.address(0), spender: a.address(1)))
            return CallResult(output: output(ERC20.allowance, [.uint(allowed == .max ? .max : ShareUnits.shares(raw: allowed, multiplier: token.multiplier))]))
        case ERC20.totalSupply.selector:
            return CallResult(output: output(ERC20.totalSupply, [.uint(ShareUnits.shares(raw: token.totalSupply, multiplier: token.multiplier))]))
        case ERC20.decimals.selector:
            return CallResult(output: output(ERC20.decimals, [.uint(UInt256(UInt64(token.decimals)))]))
        case ERC20.symbol.selector:
            return CallResult(output: output(ERC20.symbol, [.string(token.symbol)]))
        case ERC20.name.selector:
            return CallResult(output: output(ERC20.name, [.string(token.name)]))
        case t.mint.selector:
            let a = try CallArguments(t.mint, calldata: data)
            let raw = try state.rawUnits(token: address, shares: a.amount(1), argument: "amount")
            let events = try state.mint(token: address, caller: sender, to: a.address(0), amount: raw, depositId: a.bytes32(2), block: block)
            return CallResult(output: output(t.mint, success), events: scaled ? state.eventsInShares(events) : events)
        case t.burn.selector:
            let a = try CallArguments(t.burn, calldata: data)
            let raw = try state.rawUnitsToMove(token: address, from: a.address(0), shares: a.amount(1), argument: "amount")
            let events = try state.burn(token: address, caller: sender, from: a.address(0), amount: raw)
            return CallResult(output: output(t.burn, success), events: scaled ? state.eventsInShares(events) : events)
        case t.redeem.selector:
            let a = try CallArguments(t.redeem, calldata: data)
            let id = state.system.nextRedemptionId
            let raw = try state.rawUnitsToMove(token: address, from: sender, shares: a.amount(0), argument: "amount")
            let events = try state.redeem(token: address, holder: sender, amount: raw, brokerageAccountRef: a.string(1), block: block)
            return CallResult(output: output(t.redeem, [.uint(UInt256(id))]), events: scaled ? state.eventsInShares(events) : events)
        case t.preTransferCheck.selector, t.detectTransferRestriction.selector:
            let isERC1404 = selector == t.detectTransferRestriction.selector
            let a = try CallArguments(isERC1404 ? t.detectTransferRestriction : t.preTransferCheck, calldata: data)
            let raw = try state.rawUnitsToMove(token: address, from: a.address(0), shares: a.amount(2), argument: "amount")
            let r = try TransferCompliance.check(state, token: address, from: a.address(0), to: a.address(1), amount: raw, time: block.timestamp)
            let code = ABIValue.uint(UInt256(UInt64(r.rawValue)))
            return CallResult(output: isERC1404 ? output(t.detectTransferRestriction, [code])
                                                : output(t.preTransferCheck, [code, .string(r.message)]))
        case t.messageForTransferRestriction.selector:
            let a = try CallArguments(t.messageForTransferRestriction, calldata: data)
            guard let code = UInt8(exactly: try a.uint64(0)), let r = TransferRestriction(rawValue: code) else {
                throw Revert("unknown restriction code")
            }
            return CallResult(output: output(t.messageForTransferRestriction, [.string(r.message)]))
        case t.isin.selector:
            return CallResult(output: output(t.isin, [.string(token.isin)]))
        case t.cusip.selector:
            return CallResult(output: output(t.cusip, [.string(token.cusip)]))
        case t.frozenBalanceOf.selector:
            let a = try CallArguments(t.frozenBalanceOf, calldata: data)
            let frozen = try state.account(a.address(0)).position(address).frozen
            return CallResult(output: output(t.frozenBalanceOf, [.amount(state.shareUnits(token: address, raw: frozen))]))
        case t.isFrozen.selector:
            let a = try CallArguments(t.isFrozen, calldata: data)
            return try CallResult(output: output(t.isFrozen, [.bool(state.account(a.address(0)).position(address).isFullyFrozen)]))
        case t.paused.selector:
            let paused = token.paused.contains(.transfers) || state.system.paused.contains(.transfers)
            return CallResult(output: output(t.paused, [.bool(paused)]))
        default:
            return try multiplierCall(&state, token, sender: sender, at: address, selector: selector, data: data, block: block)
        }
    }

    // MARK: Compliance

    private static func complianceCall(
        _ state: inout WorldState, sender: Address, data: [UInt8], block: BlockContext
    ) throws(Revert) -> CallResult {
        guard let selector = ABISelector(calldata: data) else { throw Revert("calldata shorter than a selector") }
        let c = ComplianceInterface.self
        let events: [LedgerEvent]
        let function: ABIFunction
        switch selector {
        case c.registerIdentity.selector:
            function = c.registerIdentity
            let a = try CallArguments(function, calldata: data)
            let code = try a.uint64(4)
            guard code < UInt64(c.taxCategories.count) else { throw Revert("unknown tax category \(code)") }
            events = try state.registerIdentity(caller: sender, wallet: a.address(0), investorId: a.string(1), country: a.string(2),
                                                kycExpiry: a.uint64(3), taxCategory: c.taxCategories[Int(code)])
        case c.removeWallet.selector:
            function = c.removeWallet
            let a = try CallArguments(function, calldata: data)
            events = try state.removeWallet(caller: sender, wallet: a.address(0))
        case c.setCountryRules.selector:
            function = c.setCountryRules
            let a = try CallArguments(function, calldata: data)
            events = try state.setCountryRules(caller: sender, token: a.address(0), allowed: a.strings(1), denied: a.strings(2))
        case c.freeze.selector, c.unfreeze.selector:
            let freezing = selector == c.freeze.selector
            function = freezing ? c.freeze : c.unfreeze
            let a = try CallArguments(function, calldata: data)
            events = try state.setFrozen(caller: sender, token: a.address(0), wallet: a.address(1), frozen: freezing, reason: a.string(2))
        case c.freezePartial.selector, c.unfreezePartial.selector:
            let freezing = selector == c.freezePartial.selector
            function = freezing ? c.freezePartial : c.unfreezePartial
            let a = try CallArguments(function, calldata: data)
            let raw = try state.rawUnits(token: a.address(0), shares: a.amount(2), argument: "amount")
            events = try state.changePartialFreeze(caller: sender, token: a.address(0), wallet: a.address(1), amount: raw,
                                                   freeze: freezing, reason: a.string(3))
        case c.pause.selector, c.unpause.selector:
            let pausing = selector == c.pause.selector
            function = pausing ? c.pause : c.unpause
            let a = try CallArguments(function, calldata: data)
            guard let bits = UInt8(exactly: try a.uint64(1)) else { throw Revert("unknown pause scope") }
            events = try state.setPaused(caller: sender, token: a.address(0), scope: PauseScope(rawValue: bits), paused: pausing)
        case c.forcedTransfer.selector:
            function = c.forcedTransfer
            let a = try CallArguments(function, calldata: data)
            let raw = try state.rawUnitsToMove(token: a.address(0), from: a.address(1), shares: a.amount(3), argument: "amount")
            events = try state.forcedTransfer(caller: sender, token: a.address(0), from: a.address(1), to: a.address(2),
                                              amount: raw, reason: a.string(4), time: block.timestamp)
        case c.recoverWallet.selector:
            function = c.recoverWallet
            let a = try CallArguments(function, calldata: data)
            events = try state.recoverWallet(caller: sender, lost: a.address(0), replacement: a.address(1), investorId: a.string(2))
        case c.identityOf.selector:
            let a = try CallArguments(c.identityOf, calldata: data)
            guard let id = try state.identity(of: a.address(0)) else { throw Revert("wallet is not registered") }
            let code = UInt64(c.taxCategories.firstIndex(of: id.taxCategory)!)
            return CallResult(output: output(c.identityOf, [.string(id.investorId), .string(id.country),
                                                            .uint(UInt256(id.kycExpiry)), .uint(UInt256(code))]))
        case c.isVerified.selector:
            let a = try CallArguments(c.isVerified, calldata: data)
            let verified = try state.identity(of: a.address(0))?.isVerified(at: block.timestamp) ?? false
            return CallResult(output: output(c.isVerified, [.bool(verified)]))
        default:
            throw Revert("unknown function selector \(selector) for the compliance registry")
        }
        // Token amounts in the events are share units, as the calls take them.
        return CallResult(output: output(function, success), events: state.eventsInShares(events))
    }
}
