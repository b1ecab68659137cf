/// Cash dividends: declaration (funded in full), the record point, per-holder
/// settlement through the accumulator, claims, pushed payments with withholding,
/// and the funder's reclaim (docs/corporate-actions.md).
extension WorldState {
    /// Seconds after the pay time from which the funder may reclaim what is unpaid.
    public static let dividendReclaimDelay: UInt64 = 365 * 86_400
    /// How far ahead a record time, and a pay time after it, may be.
    public static let dividendMaximumLead: UInt64 = 366 * 86_400
    /// Declared dividends per token that may await their record point at once.
    public static let maximumPendingDividends = 8
    /// Holders per `pushDividend` call.
    public static let maximumPushBatch = 200

    // MARK: Journaled writes

    mutating func store(_ d: Dividend) { writeCorporate(.dividend(d.id)) { $0.set(d) } }

    mutating func store(_ a: AssetCorporateState, token: Address) { writeCorporate(.asset(token)) { $0.set(a, token: token) } }

    mutating func store(_ s: CorporateActionSchedule) { writeCorporate(.schedule) { $0.set(s) } }

    mutating func store(_ h: DividendHolding, token: Address, holder: Address) {
        writeCorporate(.holding(token: token, holder: holder)) { $0.set(h, token: token, holder: holder) }
    }

    mutating func store(_ e: DividendEntitlement, dividendId: UInt64, holder: Address) {
        writeCorporate(.entitlement(dividendId: dividendId, holder: holder)) { $0.set(e, dividendId: dividendId, holder: holder) }
    }

    /// The cash token's address (a chain has exactly one).
    var cashToken: Address? { tokens.first { $0.value.kind == .cash }?.key }

    // MARK: Declaration

    /// The issuer (or the custodian as paying agent) declares a dividend of
    /// `amountPerShare` USD units per share of `token`, recorded at `recordTime` and
    /// payable from `payTime`, and locks the USD for the whole current supply from its
    /// balance; it is the dividend's funder. Returns the events; the new id
    /// is the schedule's `nextDividendId` before the call.
    public mutating func declareDividend(
        caller: Address, token: Address, amountPerShare: UInt128, recordTime: UInt64, payTime: UInt64, block: BlockContext
    ) throws(Revert) -> [LedgerEvent] {
        // The custodian may declare as paying agent, funding it with USD it received in custody.
        guard caller == system.issuer || caller == system.custodian else { throw Revert("caller is neither the issuer nor the custodian") }
        guard let info = tokens[token], info.kind == .share else { throw Revert("no share token at \(token)") }
        guard amountPerShare > 0 else { throw Revert("dividend amount per share is zero") }
        guard amountPerShare <= DividendMath.maximumAmountPerShare else {
            throw Revert("dividend amount per share exceeds 1,000,000 USD")
        }
        guard recordTime > block.timestamp else {
            throw Revert("record time \(recordTime) must be after the current block time \(block.timestamp)")
        }
        guard payTime >= recordTime else { throw Revert("pay time \(payTime) is before the record time \(recordTime)") }
        guard recordTime - block.timestamp <= Self.dividendMaximumLead, payTime - recordTime <= Self.dividendMaximumLead else {
            throw Revert("record and pay times may each be at most 366 days ahead")
        }
        var asset = corporate.asset(token)
        let pending = asset.pendingDividendIds.compactMap { corporate.dividends[$0] }
        guard pending.count < Self.maximumPendingDividends else {
            throw Revert("\(pending.count) dividends of this token already await their record time")
        }
        if let last = pending.last, recordTime < last.recordTime {
            throw Revert("record time \(recordTime) is before dividend \(last.id)'s record time \(last.recordTime); dividends are recorded in declaration order")
        }
        guard info.totalSupply > 0 else { throw Revert("the token has no supply to pay a dividend on") }
        // The accumulator must hold this dividend's points on top of every pending one.
        let (points, productOverflow) = amountPerShare.multipliedReportingOverflow(by: info.multiplier)
        var committed = points
        var overflow = productOverflow
        for d in pending {
            let sum = committed.addingReportingOverflow(d.pointsPerRawUnit)
            (committed, overflow) = (sum.partialValue, overflow || sum.overflow)
        }
        guard !overflow, asset.pointsPerRawUnit.addingReportingOverflow(committed).overflow == false else {
            throw Revert("the token's dividend accumulator cannot hold this dividend")
        }
        guard let funded = DividendMath.usd(raw: info.totalSupply, perRawUnit: points) else {
            throw Revert("the dividend on the whole supply exceeds 2^128 USD units")
        }
        guard funded > 0 else { throw Revert("the dividend rounds to zero USD on the whole supply") }
        guard let cash = cashToken else { throw Revert("the chain has no cash token") }
        let available = account(caller).position(cash).transferable
        guard available >= funded else {
            throw Revert("dividend is not fully funded: it needs \(Amount.format(funded, decimals: Amount.cashDecimals)) USD "
                         + "and the caller has \(Amount.format(available, decimals: Amount.cashDecimals)) USD transferable")
        }
        var events = try transfer(token: cash, from: caller, to: SystemAddress.dividends, amount: funded, time: block.timestamp)
        var schedule = corporate.schedule
        let id = schedule.nextDividendId
        schedule.nextDividendId += 1
        schedule.schedule(.record(dividendId: id), at: recordTime)
        store(schedule)
        store(Dividend(id: id, token: token, sequence: UInt64(asset.dividendIds.count), funder: caller, amountPerShare: amountPerShare,
                       multiplier: info.multiplier, pointsPerRawUnit: points, recordTime: recordTime, payTime: payTime,
                       fundedRawSupply: info.totalSupply, funded: funded))
        asset.dividendIds.append(id)
        store(asset, token: token)
        events.append(.corporateAction(.dividendDeclared(id: id, token: token, amountPerShare: amountPerShare,
                                                         recordTime: recordTime, payTime: payTime, funded: funded)))
        return events
    }

    /// Refuses a supply of `newSupply` raw units of `token` while a declared dividend
    /// funded for less awaits its record point.
    func requireDividendFunding(token: Address, newSupply: UInt128) throws(Revert) {
        for id in corporate.asset(token).pendingDividendIds {
            guard let d = corporate.dividends[id], newSupply > d.fundedRawSupply else { continue }
            throw Revert("dividend \(id) is funded for the supply at its declaration; "
                         + "minting more must wait until its record time \(d.recordTime)")
        }
    }

    // MARK: Record point

    /// Fixes the entitlements of dividend `id`: adds its points to the token's
    /// accumulator (the balances at this moment are those of record) and returns the
    /// funding the shrunken supply does not need to the funder. Returns its events (the
    /// `DividendRecorded` log and the refund's transfer).
    mutating func recordDividend(_ id: UInt64) -> [LedgerEvent] {
        guard var d = corporate.dividends[id], !d.isRecorded, let info = tokens[d.token], let cash = cashToken else { return [] }
        var asset = corporate.asset(d.token)
        // Declaration checked that the accumulator can take every pending dividend.
        asset.pointsPerRawUnit += d.pointsPerRawUnit
        asset.recordedCount += 1
        store(asset, token: d.token)
        d.isRecorded = true
        d.recordedRawSupply = info.totalSupply
        // Mints beyond the funded supply were refused, so this is at most `funded`.
        d.entitled = DividendMath.usd(raw: info.totalSupply, perRawUnit: d.pointsPerRawUnit) ?? d.funded
        d.refunded = d.funded - d.entitled
        store(d)
        moveBalance(token: cash, from: SystemAddress.dividends, to: d.funder, amount: d.refunded)
        var events: [LedgerEvent] = [.corporateAction(.dividendRecorded(
            id: id, token: d.token, recordedSupply: d.recordedRawSupply, entitled: d.entitled, refunded: d.refunded))]
        if d.refunded > 0 { events.append(.transfer(token: cash, from: SystemAddress.dividends, to: d.funder, amount: d.refunded)) }
        return events
    }

    // MARK: Settlement (the accumulator)

    /// Called on every balance change of `holder` in `token` (from `updatePosition`):
    /// settles the holder's entitlements to dividends recorded since its last change
    /// (their balance of record is `old`), then resets the correction for `new`.
    /// O(1) for a token without recorded dividends or when nothing was recorded since
    /// the holder's last change.
    mutating func dividendBalanceChanged(holder: Address, token: Address, from old: UInt128, to new: UInt128) {
        guard let asset = corporate.assets[token], asset.recordedCount > 0 else { return }
        var h = settleDividends(holder: holder, token: token, asset: asset, balance: old)
        h.pointsDebt = DividendMath.points(raw: new, perRawUnit: asset.pointsPerRawUnit)
        // An emptied position keeps no standing: with a zero balance nothing accrues,
        // and the next change starts from a zero balance again.
        store(new == 0 ? DividendHolding() : h, token: token, holder: holder)
    }

    /// Splits the holder's accrued points (`P × balance - pointsDebt`) into the
    /// dividends recorded since it was last settled, writing an entitlement for each
    /// that pays at least one USD unit. Returns the settled standing (not stored).
    private mutating func settleDividends(holder: Address, token: Address, asset: AssetCorporateState, balance: UInt128) -> DividendHolding {
        var h = corporate.holding(token: token, holder: holder)
        guard h.settledCount < asset.recordedCount else { return h }
        if balance > 0 {
            // P only grows and the debt is P × balance from the last change, with the
            // same balance, so the difference never wraps.
            var remaining = DividendMath.points(raw: balance, perRawUnit: asset.pointsPerRawUnit)
                .subtractingReportingOverflow(h.pointsDebt).partialValue
            for sequence in Int(h.settledCount)..<Int(asset.recordedCount) {
                let id = asset.dividendIds[sequence]
                guard var d = corporate.dividends[id] else { continue }
                // Every dividend but the last gets balance × its points; the last gets
                // what the accumulator says remains (the same value, by construction).
                let points = sequence == Int(asset.recordedCount) - 1
                    ? remaining : DividendMath.points(raw: balance, perRawUnit: d.pointsPerRawUnit)
                remaining = remaining.subtractingReportingOverflow(points).partialValue
                let gross = DividendMath.usd(points: points) ?? 0
                d.settledRawSupply += balance
                d.settledGross += gross
                store(d)
                if gross > 0 { store(DividendEntitlement(gross: gross), dividendId: id, holder: holder) }
            }
        }
        h.settledCount = asset.recordedCount
        return h
    }

    /// Settles `holder` in `token` without a balance change (before paying it).
    private mutating func settleDividends(holder: Address, token: Address) {
        let asset = corporate.asset(token)
        let h = corporate.holding(token: token, holder: holder)
        guard h.settledCount < asset.recordedCount else { return }
        let settled = settleDividends(holder: holder, token: token, asset: asset, balance: account(holder).balance(token))
        store(settled, token: token, holder: holder)
    }

    // MARK: Payment

    private func payableDividend(_ id: UInt64, time: UInt64) throws(Revert) -> Dividend {
        guard let d = corporate.dividends[id] else { throw Revert("no dividend with id \(id)") }
        guard !d.isReclaimed else { throw Revert("dividend \(id) was closed: its funder reclaimed the unpaid amount") }
        guard time >= d.payTime, d.isRecorded else {
            throw Revert("dividend \(id) is payable from time \(d.payTime); the block time is \(time)")
        }
        return d
    }

    /// The holder claims its entitlement to dividend `id` after the pay time; the
    /// withholding for its tax category goes to `SystemAddress.withholding`.
    public mutating func claimDividend(holder: Address, dividendId id: UInt64, block: BlockContext) throws(Revert) -> [LedgerEvent] {
        let d = try payableDividend(id, time: block.timestamp)
        settleDividends(holder: holder, token: d.token)
        guard let e = corporate.entitlement(dividendId: id, holder: holder) else {
            throw Revert("\(holder) has no entitlement to dividend \(id)")
        }
        guard !e.isPaid else { throw Revert("dividend \(id) was already paid to \(holder)") }
        return pay(d, e, to: holder, pushed: false, time: block.timestamp)
    }

    /// The custodian pays dividend `id` to each of `holders` that has an unpaid
    /// entitlement; others (nothing owed, already paid, repeated) are skipped, and so are
    /// the system's fund accounts: USD paid to the exchange's address (which holds nothing
    /// of its own: escrow stays in its owners' positions) or back into the dividend pool
    /// would belong to no one. Their entitlement stays unpaid until reclaimed.
    public mutating func pushDividend(
        caller: Address, dividendId id: UInt64, holders: [Address], block: BlockContext
    ) throws(Revert) -> (paid: Int, events: [LedgerEvent]) {
        guard caller == system.custodian else { throw Revert("caller is not the custodian") }
        guard holders.count <= Self.maximumPushBatch else { throw Revert("at most \(Self.maximumPushBatch) holders per push") }
        let d = try payableDividend(id, time: block.timestamp)
        var events: [LedgerEvent] = []
        var paid = 0
        for holder in holders where !SystemAddress.fundAccounts.contains(holder) {
            settleDividends(holder: holder, token: d.token)
            guard let e = corporate.entitlement(dividendId: id, holder: holder), !e.isPaid else { continue }
            events += pay(d, e, to: holder, pushed: true, time: block.timestamp)
            paid += 1
        }
        return (paid, events)
    }

    private mutating func pay(_ d: Dividend, _ e: DividendEntitlement, to holder: Address, pushed: Bool, time: UInt64) -> [LedgerEvent] {
        // An unregistered payee is treated as foreign without a treaty claim (30%).
        let category = identity(of: holder)?.taxCategory ?? .nonTreaty
        let withheld = DividendMath.withholding(gross: e.gross, category: category)
        let net = e.gross - withheld
        var paidEntitlement = e
        paidEntitlement.isPaid = true
        paidEntitlement.withheld = withheld
        paidEntitlement.taxCategory = category
        paidEntitlement.paidAt = time
        store(paidEntitlement, dividendId: d.id, holder: holder)
        var dividend = corporate.dividends[d.id] ?? d
        dividend.paidNet += net
        dividend.withheld += withheld
        store(dividend)
        var record = corporate.withholding[holder] ?? WithholdingRecord()
        record.gross += e.gross
        record.withheld += withheld
        record.payments += 1
        writeCorporate(.withholding(holder)) { $0.set(record, holder: holder) }
        var events: [LedgerEvent] = []
        if let cash = cashToken {
            moveBalance(token: cash, from: SystemAddress.dividends, to: holder, amount: net)
            moveBalance(token: cash, from: SystemAddress.dividends, to: SystemAddress.withholding, amount: withheld)
            if net > 0 { events.append(.transfer(token: cash, from: SystemAddress.dividends, to: holder, amount: net)) }
            if withheld > 0 { events.append(.transfer(token: cash, from: SystemAddress.dividends, to: SystemAddress.withholding, amount: withheld)) }
        }
        events.append(.corporateAction(pushed
            ? .dividendPaid(id: d.id, holder: holder, gross: e.gross, withheld: withheld, net: net)
            : .dividendClaimed(id: d.id, holder: holder, gross: e.gross, withheld: withheld, net: net)))
        return events
    }

    /// The funder takes back what is unpaid (unclaimed entitlements and rounding dust)
    /// once `dividendReclaimDelay` has passed since the pay time; the dividend closes.
    public mutating func reclaimDividend(caller: Address, dividendId id: UInt64, block: BlockContext) throws(Revert) -> [LedgerEvent] {
        guard var d = corporate.dividends[id] else { throw Revert("no dividend with id \(id)") }
        guard caller == d.funder else { throw Revert("only the dividend's funder may reclaim it") }
        guard !d.isReclaimed else { throw Revert("dividend \(id) was already reclaimed") }
        let opens = d.payTime.addingReportingOverflow(Self.dividendReclaimDelay)
        guard d.isRecorded, opens.overflow || block.timestamp >= opens.partialValue else {
            throw Revert("dividend \(id) may be reclaimed from time \(opens.partialValue) (365 days after its pay time)")
        }
        let amount = d.outstanding
        d.reclaimed = amount
        d.isReclaimed = true
        store(d)
        guard let cash = cashToken else { return [] }
        moveBalance(token: cash, from: SystemAddress.dividends, to: d.funder, amount: amount)
        var events: [LedgerEvent] = []
        if amount > 0 { events.append(.transfer(token: cash, from: SystemAddress.dividends, to: d.funder, amount: amount)) }
        events.append(.corporateAction(.dividendReclaimed(id: id, funder: d.funder, amount: amount)))
        return events
    }

    // MARK: Views

    /// `holder`'s entitlement to dividend `id` as of block time `time`, settled or
    /// not: nil when it has none (not recorded yet at `time`, or it pays zero).
    public func dividendEntitlement(holder: Address, dividendId id: UInt64, time: UInt64) -> DividendEntitlement? {
        if let stored = corporate.entitlement(dividendId: id, holder: holder) { return stored }
        guard let d = corporate.dividends[id], d.isRecorded || time >= d.recordTime else { return nil }
        // Not settled for this holder: its balance has not changed since the record
        // point (a change would have settled it), so the current balance is of record.
        guard corporate.holding(token: d.token, holder: holder).settledCount <= d.sequence else { return nil }
        let gross = DividendMath.usd(raw: account(holder).balance(d.token), perRawUnit: d.pointsPerRawUnit) ?? 0
        return gross > 0 ? DividendEntitlement(gross: gross) : nil
    }
}
