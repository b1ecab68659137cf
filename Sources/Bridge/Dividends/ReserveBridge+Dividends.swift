import Custody
import Node

extension ReserveBridge {
    static let dividendMintKey = "dividend-mint:"
    static let dividendDeclareKey = "dividend-declare:"
    static let dividendPushKey = "dividend-push:"
    /// Most holders one `pushDividend` may list (the chain's limit).
    public static let pushBatch = 200
    /// 10^36: the accumulator's point scale (USD units × 10^36 per raw unit).
    static let pointScale: UInt128 = 1_000_000_000_000_000_000_000_000_000_000_000_000

    /// How far after the chain's head a receipt whose custody record date has passed is
    /// recorded: long enough for the declaration to be sealed first, 15 minutes.
    public static let defaultRecordDelay: UInt64 = 900

    /// How long after the record time such a dividend is paid, when the custody pay date
    /// is also past: one hour.
    public static let defaultPayDelay: UInt64 = 3_600

    /// The chain time of a custody date: its 16:00 America/New_York close.
    func closeTime(of date: SettlementDate) throws(BridgeError) -> UInt64 {
        guard let time = calendar.closeTime(of: date) else { throw .dividend(.calendar("\(date) at 16:00 New York is not a time the chain can hold")) }
        return time
    }

    /// Passes each settled, undeclared cash dividend receipt of the reserve account on to
    /// the token holders (`reference` restricts it to one):
    ///
    /// 1. `funded = ⌊raw supply × rate × multiplier / 10^36⌋`, the USD the declaration
    ///    locks, must not exceed the cash received;
    /// 2. that USD is minted to the custodian on the cash token under the deposit id
    ///    keccak256("dividend" ‖ reference) — once, ever;
    /// 3. `declareDividend(token, rate, recordTime, payTime)` from the custodian. Unless
    ///    `recordTime`/`payTime` are given (Unix seconds), the record time is the record
    ///    date's 16:00 New York close if that is still ahead of the chain's head, otherwise
    ///    the head time plus `defaultRecordDelay`; the pay time is the pay date's close if
    ///    not before the record time, otherwise the record time plus `defaultPayDelay`. A
    ///    given record time must be after the chain's head time.
    ///
    /// Both transactions are journaled before they are sent. Open records of an interrupted
    /// run are resolved first (a declaration counts as done when a `DividendDeclared` log
    /// of the token with the receipt's rate and times exists), and while one stays open
    /// nothing new is sent.
    public func declareDividends(signer: CustodianSigner, rpc: NodeRPCClient, reference: String? = nil,
                                 recordTime: UInt64? = nil, payTime: UInt64? = nil) async throws(BridgeError) -> DividendReport {
        var report = try await resolveDividendJournal(signer: signer, rpc: rpc)
        guard report.pending.isEmpty else { return report }
        try alignReserve()
        let settled = Set(ledger.book.cashDividendReceipts.map(\.reference))
        let receipts = try storage { () throws(BridgeStorageError) in try dividendReceipts.all() }
            .filter { $0.dividendId == nil && (reference == nil || $0.reference == reference) }
        if let reference, receipts.isEmpty,
           try storage({ () throws(BridgeStorageError) in try dividendReceipts.receipt(reference: reference) }) == nil {
            report.refused.append((reference, "no receipt \(reference): book it with `equity-bridge dividends receive`"))
        }
        guard !receipts.isEmpty else { return report }
        let assets: [ChainAsset]
        let cashToken: Address
        let head: UInt64
        var nonce: UInt64
        do {
            assets = try await rpc.shareAssets()
            cashToken = try await rpc.cashToken()
            head = try await rpc.headTimestamp()
            nonce = try await rpc.pendingNonce(of: signer.address)
        } catch { throw .node(error) }
        let byISIN = Dictionary(assets.map { ($0.isin, $0) }, uniquingKeysWith: { first, _ in first })

        for var receipt in receipts {
            let ref = receipt.reference
            guard settled.contains(ref) else {
                report.refused.append((ref, "the cash is not settled in the custody book yet (pay date \(receipt.payDate), book settled through \(ledger.book.settledThrough.map { "\($0)" } ?? "no date")): import the reserve statement of the pay date first"))
                continue
            }
            guard let asset = byISIN[receipt.isin] else { report.refused.append((ref, DividendError.noToken(receipt.isin).description)); continue }
            // Declared by an earlier run that crashed before recording it (its record time may be past by now).
            if receipt.recordTime != nil, let found = try await findDeclaration(receipt, token: asset.address, from: 0, rpc: rpc) {
                receipt.dividendId = found.id
                receipt.token = asset.address.checksummed
                try storage { () throws(BridgeStorageError) in try dividendReceipts.write(receipt) }
                report.declared.append(receipt)
                continue
            }
            let record: UInt64, pay: UInt64
            if let given = recordTime ?? receipt.recordTime {
                record = given
            } else {
                // The chain counts holders only in the future: a receipt confirmed after its
                // custody record date (the usual case) is recorded a fixed delay after the head.
                let close = try closeTime(of: receipt.recordDate)
                record = close > head ? close : head + Self.defaultRecordDelay
            }
            if let given = payTime ?? receipt.payTime {
                pay = given
            } else {
                let close = try closeTime(of: receipt.payDate)
                pay = close >= record ? close : record + Self.defaultPayDelay
            }
            guard record > head else {
                report.refused.append((ref, DividendError.recordTimeNotAhead(reference: ref, recordTime: record, headTime: head).description))
                continue
            }
            guard pay >= record else { report.refused.append((ref, DividendError.payTimeBeforeRecordTime(recordTime: record, payTime: pay).description)); continue }

            // Mint the USD (once: the deposit id).
            let depositId = DividendReceipt.depositId(reference: ref)
            let mintKey = Self.dividendMintKey + ref
            var mintBlock: UInt64? = try storage { () throws(BridgeStorageError) in try transactions.transaction(for: mintKey) }
                .flatMap { $0.state == .done ? $0.blockNumber : nil }
            if mintBlock == nil {
                do { mintBlock = try await rpc.depositBlock(depositId) } catch { throw .node(error) }
                if mintBlock != nil { report.minted.append((ref, receipt.funded ?? 0, true)) }
            }
            if mintBlock == nil {
                let funded: UInt64
                do { funded = try fundedUSD(receipt, asset: asset) } catch { report.refused.append((ref, error.description)); continue }
                receipt.funded = funded
                try storage { () throws(BridgeStorageError) in try dividendReceipts.write(receipt) }
                let data: [UInt8]
                do {
                    data = try ShareTokenInterface.mint.encodeCall([.address(signer.address), .amount(UInt128(funded)), .fixedBytes(depositId.bytes)])
                } catch { report.refused.append((ref, "cannot encode the USD mint: \(error)")); continue }
                let sent = try await submitJournaled(key: mintKey, signer.sign(to: cashToken, data: data, nonce: nonce), nonce: nonce, rpc: rpc)
                if sent.state != .failed || sent.blockNumber != nil { nonce += 1 }
                switch sent.state {
                case .open: report.pending.append(sent); return report
                case .failed: report.refused.append((ref, "the USD mint failed: \(sent.detail ?? "")")); continue
                case .done: mintBlock = sent.blockNumber; report.minted.append((ref, funded, false))
                }
            }

            // Declare, unless a crash left it declared already.
            receipt.recordTime = record
            receipt.payTime = pay
            receipt.token = asset.address.checksummed
            try storage { () throws(BridgeStorageError) in try dividendReceipts.write(receipt) }
            if let found = try await findDeclaration(receipt, token: asset.address, from: mintBlock ?? 0, rpc: rpc) {
                receipt.dividendId = found.id
                try storage { () throws(BridgeStorageError) in try dividendReceipts.write(receipt) }
                report.declared.append(receipt)
                continue
            }
            let data: [UInt8]
            do {
                data = try DividendsInterface.declareDividend.encodeCall([
                    .address(asset.address), .amount(UInt128(receipt.amountPerShare)), .uint(UInt256(record)), .uint(UInt256(pay)),
                ])
            } catch { report.refused.append((ref, "cannot encode the declaration: \(error)")); continue }
            let sent = try await submitJournaled(key: Self.dividendDeclareKey + ref, signer.sign(to: SystemAddress.dividends, data: data, nonce: nonce),
                                                 nonce: nonce, rpc: rpc, crashPoint: .declareSent)
            if sent.state != .failed || sent.blockNumber != nil { nonce += 1 }
            switch sent.state {
            case .open: report.pending.append(sent); return report
            case .failed: report.refused.append((ref, "the declaration failed: \(sent.detail ?? "")"))
            case .done:
                guard let found = try await findDeclaration(receipt, token: asset.address, from: sent.blockNumber ?? 0, rpc: rpc) else {
                    throw .node(.malformedResponse(method: "eth_getLogs", reason: "the declaration of \(ref) committed without a DividendDeclared log"))
                }
                receipt.dividendId = found.id
                try storage { () throws(BridgeStorageError) in try dividendReceipts.write(receipt) }
                report.declared.append(receipt)
            }
        }
        return report
    }

    /// After the pay time, pushes each declared dividend to its unpaid holders of record,
    /// at most `pushBatch` a call. Candidates are the token's holders now
    /// (`equity_getHolders`), the recipients of its `Transfer` logs (holders of record who
    /// have sold since) and `extraHolders`; those whose `entitlementOf` shows an unpaid
    /// gross amount are pushed. The chain skips anyone
    /// already paid (claimed or pushed), so a push sent twice pays nobody twice. A receipt
    /// is fully paid when the chain's `dividend(id)` shows every raw unit of record settled
    /// and paid + withheld + dust == entitled.
    public func payDividends(signer: CustodianSigner, rpc: NodeRPCClient, extraHolders: [Address] = []) async throws(BridgeError) -> DividendReport {
        var report = try await resolveDividendJournal(signer: signer, rpc: rpc)
        guard report.pending.isEmpty else { return report }
        let receipts = try storage { () throws(BridgeStorageError) in try dividendReceipts.all() }
            .filter { $0.dividendId != nil && !$0.fullyPaid }
        guard !receipts.isEmpty else { return report }
        let head: UInt64
        var nonce: UInt64
        do {
            head = try await rpc.headTimestamp()
            nonce = try await rpc.pendingNonce(of: signer.address)
        } catch { throw .node(error) }
        for var receipt in receipts {
            guard let id = receipt.dividendId, let payTime = receipt.payTime, let tokenText = receipt.token,
                  let token = try? Address(hex: tokenText)
            else { throw .storage(.corrupt("dividend receipt \(receipt.reference) is declared without its token or times")) }
            guard head >= payTime else { report.notYetPayable.append((receipt.reference, payTime)); continue }
            let unpaid = try await unpaidHolders(dividend: id, token: token, extra: extraHolders, rpc: rpc)
            var pushed = 0, failed = false
            for start in stride(from: 0, to: unpaid.count, by: Self.pushBatch) {
                let batch = Array(unpaid[start..<min(unpaid.count, start + Self.pushBatch)])
                let data: [UInt8]
                do { data = try DividendsInterface.pushDividend.encodeCall([.uint(UInt256(id)), .array(batch.map(ABIValue.address))]) } catch {
                    report.refused.append((receipt.reference, "cannot encode the push: \(error)")); failed = true; break
                }
                let tx = signer.sign(to: SystemAddress.dividends, data: data, nonce: nonce,
                                     gasLimit: 200_000 + 30_000 * UInt64(batch.count))
                let sent = try await submitJournaled(key: "\(Self.dividendPushKey)\(receipt.reference):\(start)", tx, nonce: nonce, rpc: rpc)
                if sent.state != .failed || sent.blockNumber != nil { nonce += 1 }
                switch sent.state {
                case .open: report.pending.append(sent); return report
                case .failed: report.refused.append((receipt.reference, "the push failed: \(sent.detail ?? "")")); failed = true
                case .done: pushed += batch.count
                }
                if failed { break }
            }
            receipt.pushedHolders += pushed
            receipt.fullyPaid = try await isFullyPaid(dividend: id, rpc: rpc)
            try storage { () throws(BridgeStorageError) in try dividendReceipts.write(receipt) }
            report.pushed.append((receipt.reference, pushed, receipt.fullyPaid))
        }
        return report
    }

    /// Resolves the open dividend records of an interrupted run.
    private func resolveDividendJournal(signer: CustodianSigner, rpc: NodeRPCClient) async throws(BridgeError) -> DividendReport {
        var report = DividendReport()
        let chainId: UInt64
        do { chainId = try await rpc.chainId() } catch { throw .node(error) }
        guard chainId == signer.chainId else { throw .chainMismatch(expected: signer.chainId, node: chainId) }
        for record in try storage({ () throws(BridgeStorageError) in try transactions.all(keyPrefix: "dividend-") }) where record.state == .open {
            let outcome: JournaledTransaction
            if record.key.hasPrefix(Self.dividendMintKey) {
                let id = DividendReceipt.depositId(reference: String(record.key.dropFirst(Self.dividendMintKey.count)))
                outcome = try await resolveJournaled(record, rpc: rpc) { () throws(BridgeError) in
                    let block: UInt64?, head: UInt64
                    do throws(NodeRPCError) {
                        block = try await rpc.depositBlock(id)
                        head = try await rpc.blockNumber()
                    } catch { throw .node(error) }
                    // A mint in the open block is not final: a node crash before the commit loses it.
                    guard let block, head >= block else { return nil }
                    return block
                }
            } else if record.key.hasPrefix(Self.dividendDeclareKey) {
                let ref = String(record.key.dropFirst(Self.dividendDeclareKey.count))
                let receipt = try storage { () throws(BridgeStorageError) in try dividendReceipts.receipt(reference: ref) }
                outcome = try await resolveJournaled(record, rpc: rpc) { () throws(BridgeError) in
                    guard let receipt, let text = receipt.token, let token = try? Address(hex: text) else { return nil }
                    return try await findDeclaration(receipt, token: token, from: 0, rpc: rpc)?.block
                }
            } else {
                outcome = try await resolveJournaled(record, rpc: rpc) { () throws(BridgeError) in nil }
            }
            report.resolved.append(outcome)
            if outcome.state == .open { report.pending.append(outcome) }
        }
        return report
    }

    /// `⌊raw supply × rate × multiplier / 10^36⌋`, checked against the cash received.
    private func fundedUSD(_ receipt: DividendReceipt, asset: ChainAsset) throws(DividendError) -> UInt64 {
        let (points, overflow) = UInt128(receipt.amountPerShare).multipliedReportingOverflow(by: asset.multiplier)
        let product = asset.totalSupply.multipliedFullWidth(by: points)
        guard !overflow, product.high < Self.pointScale else {
            throw .nothingToDeclare(reference: receipt.reference, "the funding does not fit 128 bits")
        }
        let funded = Self.pointScale.dividingFullWidth(product).quotient
        guard funded > 0 else { throw .nothingToDeclare(reference: receipt.reference, "the token has no supply to pay a dividend on") }
        guard funded <= UInt128(receipt.cash) else {
            throw .underfunded(reference: receipt.reference, needed: Amount.format(funded, decimals: Amount.cashDecimals),
                               received: Amount.format(UInt128(receipt.cash), decimals: Amount.cashDecimals))
        }
        return UInt64(funded)
    }

    /// The `DividendDeclared` log of `token` with the receipt's rate and times, from block `from` on.
    func findDeclaration(_ receipt: DividendReceipt, token: Address, from: UInt64, rpc: NodeRPCClient) async throws(BridgeError) -> (id: UInt64, block: UInt64)? {
        guard let record = receipt.recordTime, let pay = receipt.payTime, let tokenTopic = Bytes32(bytes: [UInt8](repeating: 0, count: 12) + token.bytes)
        else { return nil }
        let event = DividendsInterface.dividendDeclaredEvent
        let head: UInt64
        do { head = try await rpc.blockNumber() } catch { throw .node(error) }
        var start = from
        while start <= head {
            let upper = min(head, start &+ (Self.logBlockRange - 1))
            let logs: [ChainLog]
            do { logs = try await rpc.logs(addresses: [SystemAddress.dividends], topics: [[event.topic], nil, [tokenTopic]], blocks: start...upper) } catch {
                throw .node(error)
            }
            for log in logs {
                guard let values = try? event.decodeLog(topics: log.topics, data: log.data), values.count == 6,
                      let id = try? values[0].uint256().uint64, let perShare = try? values[2].amount(),
                      let r = try? values[3].uint256().uint64, let p = try? values[4].uint256().uint64
                else { continue }
                if perShare == UInt128(receipt.amountPerShare), r == record, p == pay { return (id, log.blockNumber) }
            }
            start = upper + 1
        }
        return nil
    }

    /// Whether every holder of record of dividend `id` is paid: all raw units of record
    /// settled (`dustKnown`) and paid net + withheld + dust == entitled.
    private func isFullyPaid(dividend id: UInt64, rpc: NodeRPCClient) async throws(BridgeError) -> Bool {
        let v: [ABIValue]
        do { v = try await rpc.view(DividendsInterface.dividend, on: SystemAddress.dividends, [.uint(UInt256(id))]) } catch { throw .node(error) }
        guard v.count == 13, let entitled = try? v[6].amount(), let paidNet = try? v[8].amount(), let withheld = try? v[9].amount(),
              let dustKnown = try? v[11].bool(), let dust = try? v[12].amount()
        else { throw .node(.malformedResponse(method: "eth_call", reason: "dividend(\(id)) returned \(v.count) values")) }
        let (paid, o1) = paidNet.addingReportingOverflow(withheld)
        let (total, o2) = paid.addingReportingOverflow(dust)
        return dustKnown && !o1 && !o2 && total == entitled
    }

    /// Holders of `token` (now, or recipients of its `Transfer` logs) with an unpaid entitlement to dividend `id`.
    private func unpaidHolders(dividend id: UInt64, token: Address, extra: [Address], rpc: NodeRPCClient) async throws(BridgeError) -> [Address] {
        let head: UInt64
        do { head = try await rpc.blockNumber() } catch { throw .node(error) }
        var seen = Set<Address>(), candidates: [Address] = []
        for holder in extra where seen.insert(holder).inserted { candidates.append(holder) }
        var cursor: Address?
        repeat {
            let page: (holders: [Address], next: Address?)
            do { page = try await rpc.holders(of: token, after: cursor) } catch { throw .node(error) }
            for holder in page.holders where seen.insert(holder).inserted { candidates.append(holder) }
            cursor = page.next
        } while cursor != nil
        var start: UInt64 = 0
        while start <= head {
            let upper = min(head, start &+ (Self.logBlockRange - 1))
            let logs: [ChainLog]
            do { logs = try await rpc.logs(addresses: [token], topics: [[ERC20.transferEvent.topic]], blocks: start...upper) } catch {
                throw .node(error)
            }
            for log in logs where log.topics.count == 3 {
                guard let to = Address(bytes: log.topics[2].bytes.suffix(20)), to != .zero, seen.insert(to).inserted else { continue }
                candidates.append(to)
            }
            start = upper + 1
        }
        var unpaid: [Address] = []
        for holder in candidates {
            let values: [ABIValue]
            do { values = try await rpc.view(DividendsInterface.entitlementOf, on: SystemAddress.dividends, [.uint(UInt256(id)), .address(holder)]) } catch {
                throw .node(error)
            }
            guard values.count == 4, let gross = try? values[0].amount(), let paid = try? values[3].bool() else {
                throw .node(.malformedResponse(method: "eth_call", reason: "entitlementOf returned \(values.count) values"))
            }
            if gross > 0 && !paid { unpaid.append(holder) }
        }
        return unpaid
    }
}
