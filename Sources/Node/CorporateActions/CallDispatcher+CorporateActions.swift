/// ABI calls to the corporate-actions contract (`DividendsInterface`) and to the
/// multiplier functions of share tokens (`MultiplierInterface`).
extension CallDispatcher {
    static func dividendsCall(_ state: inout WorldState, sender: Address, data: [UInt8], block: BlockContext) throws(Revert) -> CallResult {
        guard let selector = ABISelector(calldata: data) else { throw Revert("calldata shorter than a selector") }
        let i = DividendsInterface.self
        switch selector {
        case i.declareDividend.selector:
            let a = try CallArguments(i.declareDividend, calldata: data)
            let id = state.corporate.schedule.nextDividendId
            let events = try state.declareDividend(caller: sender, token: a.address(0), amountPerShare: a.amount(1),
                                                   recordTime: a.uint64(2), payTime: a.uint64(3), block: block)
            return CallResult(output: output(i.declareDividend, [.uint(UInt256(id))]), events: events)
        case i.claimDividend.selector:
            let a = try CallArguments(i.claimDividend, calldata: data)
            let id = try a.uint64(0)
            let events = try state.claimDividend(holder: sender, dividendId: id, block: block)
            let net = state.corporate.entitlement(dividendId: id, holder: sender)?.net ?? 0
            return CallResult(output: output(i.claimDividend, [.amount(net)]), events: events)
        case i.pushDividend.selector:
            let a = try CallArguments(i.pushDividend, calldata: data)
            var holders: [Address] = []
            do {
                for v in try a.values[1].elements() { holders.append(try v.address()) }
            } catch { throw Revert("argument 1 of \(i.pushDividend.signature): \(error.description)") }
            let (paid, events) = try state.pushDividend(caller: sender, dividendId: a.uint64(0), holders: holders, block: block)
            return CallResult(output: output(i.pushDividend, [.uint(UInt256(paid))]), events: events)
        case i.reclaimDividend.selector:
            let a = try CallArguments(i.reclaimDividend, calldata: data)
            let id = try a.uint64(0)
            let events = try state.reclaimDividend(caller: sender, dividendId: id, block: block)
            return CallResult(output: output(i.reclaimDividend, [.amount(state.corporate.dividends[id]?.reclaimed ?? 0)]), events: events)
        case i.scheduleMultiplierChange.selector:
            let a = try CallArguments(i.scheduleMultiplierChange, calldata: data)
            let events = try state.scheduleMultiplierChange(caller: sender, token: a.address(0), newMultiplier: a.amount(1),
                                                            effectiveAt: a.uint64(2), nonce: a.uint64(3), prior: a.amount(4), block: block)
            return CallResult(output: output(i.scheduleMultiplierChange, [.bool(true)]), events: events)
        case i.dividend.selector:
            let a = try CallArguments(i.dividend, calldata: data)
            let id = try a.uint64(0)
            guard let d = state.corporate.dividends[id] else { throw Revert("no dividend with id \(id)") }
            let values: [ABIValue] = [
                .address(d.token), .amount(d.amountPerShare), .uint(UInt256(d.recordTime)), .uint(UInt256(d.payTime)),
                .uint(UInt256(UInt64(d.status(at: block.timestamp).rawValue))), .amount(d.funded), .amount(d.entitled),
                .amount(d.refunded), .amount(d.paidNet), .amount(d.withheld), .amount(d.reclaimed), .bool(d.dust != nil), .amount(d.dust ?? 0),
            ]
            return CallResult(output: output(i.dividend, values))
        case i.entitlementOf.selector:
            let a = try CallArguments(i.entitlementOf, calldata: data)
            let holder = try a.address(1)
            var e = try state.dividendEntitlement(holder: holder, dividendId: a.uint64(0), time: block.timestamp) ?? DividendEntitlement(gross: 0)
            if !e.isPaid {
                e.withheld = DividendMath.withholding(gross: e.gross, category: state.identity(of: holder)?.taxCategory ?? .nonTreaty)
            }
            return CallResult(output: output(i.entitlementOf, [.amount(e.gross), .amount(e.withheld), .amount(e.net), .bool(e.isPaid)]))
        case i.withholdingOf.selector:
            let a = try CallArguments(i.withholdingOf, calldata: data)
            let w = try state.corporate.withholding[a.address(0)] ?? WithholdingRecord()
            return CallResult(output: output(i.withholdingOf, [.amount(w.gross), .amount(w.withheld), .uint(UInt256(w.payments))]))
        case i.dividendCount.selector:
            return CallResult(output: output(i.dividendCount, [.uint(UInt256(state.corporate.schedule.nextDividendId - 1))]))
        default:
            throw Revert("unknown function selector \(selector) for the dividends contract")
        }
    }

    /// The multiplier views and `transferWithEpoch` of a token; anything else is an
    /// unknown selector.
    static func multiplierCall(
        _ state: inout WorldState, _ token: TokenState, sender: Address, at address: Address, selector: ABISelector, data: [UInt8],
        block: BlockContext
    ) throws(Revert) -> CallResult {
        let m = MultiplierInterface.self
        let asset = state.corporate.asset(address)
        switch selector {
        case m.sharesOf.selector, m.rawBalanceOf.selector:
            let isRaw = selector == m.rawBalanceOf.selector
            let function = isRaw ? m.rawBalanceOf : m.sharesOf
            let raw = try state.account(CallArguments(function, calldata: data).address(0)).balance(address)
            return CallResult(output: output(function, [isRaw ? .amount(raw) : .uint(ShareUnits.shares(raw: raw, multiplier: token.multiplier))]))
        case m.rawTotalSupply.selector:
            return CallResult(output: output(m.rawTotalSupply, [.amount(token.totalSupply)]))
        case m.uiMultiplier.selector:
            return CallResult(output: output(m.uiMultiplier, [.amount(token.multiplier)]))
        case m.newUIMultiplier.selector:
            return CallResult(output: output(m.newUIMultiplier, [.amount(asset.scheduledMultiplier?.multiplier ?? token.multiplier)]))
        case m.effectiveAt.selector:
            return CallResult(output: output(m.effectiveAt, [.uint(UInt256(asset.scheduledMultiplier?.effectiveAt ?? 0))]))
        case m.multiplierNonce.selector:
            return CallResult(output: output(m.multiplierNonce, [.uint(UInt256(asset.multiplierNonce))]))
        case m.multiplierChange.selector:
            let nonce = try CallArguments(m.multiplierChange, calldata: data).uint64(0)
            guard let c = state.corporate.multiplierChange(token: address, nonce: nonce) else {
                throw Revert("no multiplier change with nonce \(nonce) for token \(token.symbol)")
            }
            return CallResult(output: output(m.multiplierChange, [.amount(c.prior), .amount(c.multiplier), .uint(UInt256(c.effectiveAt)),
                                                                  .bool(c.isEffective)]))
        case m.transferWithEpoch.selector:
            let a = try CallArguments(m.transferWithEpoch, calldata: data)
            let nonce = try a.uint64(2)
            guard nonce == asset.multiplierNonce else {
                throw Revert("multiplier nonce \(nonce) is stale: a corporate action took effect since (nonce is now "
                             + "\(asset.multiplierNonce)); read balanceOf and uiMultiplier again")
            }
            let raw = try state.rawUnitsToMove(token: address, from: sender, shares: a.amount(1), argument: "amount")
            let events = try state.transfer(token: address, from: sender, to: a.address(0), amount: raw, time: block.timestamp)
            return CallResult(output: output(m.transferWithEpoch, [.bool(true)]), events: state.eventsInShares(events))
        default:
            throw Revert("unknown function selector \(selector) for token \(token.symbol)")
        }
    }
}
