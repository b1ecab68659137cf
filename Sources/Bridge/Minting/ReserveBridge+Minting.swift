import Custody
import Node

extension ReserveBridge {
    /// Mints the settled reserve deposits that carry a chain address and are not minted
    /// yet, each under `DepositId.of(reference:)`.
    ///
    /// First every open journal intent is resolved against the chain (`resolve`); while
    /// one stays unresolved nothing new is sent, so nonces never interleave. Then for
    /// each deposit: skipped if the journal says it is done or the chain has its
    /// deposit id (`equity_getDeposit`); refused if no token carries its ISIN, its chain
    /// address is not an address, the multiplier does not divide it, or the mint would
    /// make the chain side of the reserve invariant exceed the custody side. Otherwise
    /// the signed transaction is written to the journal (synced), then sent, then its
    /// receipt awaited and recorded.
    public func mint(signer: CustodianSigner, rpc: NodeRPCClient) async throws(BridgeError) -> MintReport {
        var report = MintReport()
        let chainId: UInt64
        do { chainId = try await rpc.chainId() } catch { throw .node(error) }
        guard chainId == signer.chainId else { throw .chainMismatch(expected: signer.chainId, node: chainId) }

        for intent in try storage({ () throws(BridgeStorageError) in try journal.open() }) {
            let outcome = try await resolve(intent, rpc: rpc)
            report.resolved.append(outcome)
            if outcome.state == .open { report.pending.append(outcome) }
        }
        guard report.pending.isEmpty else { return report }

        try alignReserve()
        let assets: [ChainAsset]
        var nonce: UInt64
        do {
            assets = try await rpc.shareAssets()
            nonce = try await rpc.pendingNonce(of: signer.address)
        } catch { throw .node(error) }
        let byISIN = Dictionary(assets.map { ($0.isin, $0) }, uniquingKeysWith: { first, _ in first })
        var balances = try reservePositions(assets: assets, unprocessed: [])
            .reduce(into: [ISIN: ReserveBalance]()) { $0[$1.isin] = $1.balance }

        for deposit in ledger.book.reserveDepositsToMint {
            let id = DepositId.of(reference: deposit.reference)
            let prior = try storage { () throws(BridgeStorageError) in try journal.intent(for: id) }
            if prior?.state == .done { continue }
            let block: UInt64?
            do { block = try await rpc.depositBlock(id) } catch { throw .node(error) }
            if let block, try await !isCommitted(block, rpc: rpc) {
                report.refused.append((deposit.reference, "a mint of this deposit is in the node's open block, not committed yet; the next run records it"))
                continue
            }
            if let block {
                let found = MintIntent(
                    depositId: id.hex, reference: deposit.reference, isin: deposit.isin, token: byISIN[deposit.isin]?.address.checksummed ?? "",
                    recipient: deposit.chainAddress?.text ?? "", shares: deposit.quantity, amount: "", nonce: 0,
                    transactionHash: "", rawTransaction: "", state: .done, attempt: prior?.attempt ?? 0, blockNumber: block,
                    detail: "found minted on chain without a journal record")
                try storage { () throws(BridgeStorageError) in try journal.write(found) }
                report.foundMinted.append(found)
                continue
            }
            guard let asset = byISIN[deposit.isin] else {
                report.refused.append((deposit.reference, "no share token on chain carries \(deposit.isin)"))
                continue
            }
            guard let wallet = deposit.chainAddress else { continue }
            let recipient: Address
            do { recipient = try Address(hex: wallet.text) } catch {
                report.refused.append((deposit.reference, "chain address '\(wallet.text)' is not an address of this chain: \(error)"))
                continue
            }
            guard let amount = ShareConversion.raw(shares: deposit.quantity.raw, multiplier: asset.multiplier) else {
                report.refused.append((deposit.reference, "\(deposit.quantity) shares are not a whole number of token units at multiplier \(Amount.format(asset.multiplier, decimals: 18))"))
                continue
            }
            var after = balances[deposit.isin] ?? ReserveBalance(supplyShares: 0, redemptionsInFlight: 0, settledReserve: 0, depositsBeingMinted: 0)
            let (supply, overflow) = after.supplyShares.addingReportingOverflow(deposit.quantity.raw)
            after.supplyShares = supply
            if overflow || after.difference.sign > 0 {
                report.refused.append((deposit.reference, "minting \(deposit.quantity) \(asset.symbol) would make the supply exceed the reserve: chain side would be \(ShareText.format(after.supplyShares)) + \(ShareText.format(after.redemptionsInFlight)) in flight, custody side \(ShareText.format(after.settledReserve)) settled + \(ShareText.format(after.depositsBeingMinted)) being minted"))
                continue
            }
            let data: [UInt8]
            do {
                data = try ShareTokenInterface.mint.encodeCall([.address(recipient), .amount(amount), .fixedBytes(id.bytes)])
            } catch {
                report.refused.append((deposit.reference, "cannot encode the mint: \(error)"))
                continue
            }
            let tx = signer.sign(to: asset.address, data: data, nonce: nonce)
            var intent = MintIntent(
                depositId: id.hex, reference: deposit.reference, isin: deposit.isin, token: asset.address.checksummed,
                recipient: recipient.checksummed, shares: deposit.quantity, amount: String(amount), nonce: nonce,
                transactionHash: tx.hash.hex, rawTransaction: Hex.encode(tx.encoded), state: .open,
                attempt: (prior?.attempt ?? 0) + 1)
            // The intent, with the exact bytes to resend, is durable before anything leaves.
            try storage { () throws(BridgeStorageError) in try journal.write(intent) }
            do {
                _ = try await rpc.sendRawTransaction(tx.encoded)
            } catch {
                // Unreachable node: the intent stays open and the next run resolves it.
                guard let message = error.nodeMessage else { throw .node(error) }
                // "already known": these very bytes are in the pool; await them below.
                if !message.hasPrefix("already known") {
                    // The node refused it: it left no trace, not even its nonce.
                    intent.state = .failed
                    intent.detail = message
                    try storage { () throws(BridgeStorageError) in try journal.write(intent) }
                    report.refused.append((deposit.reference, "the node refused the mint: \(message)"))
                    continue
                }
            }
            CrashPoint.mintSent.reached()
            nonce += 1
            balances[deposit.isin] = after
            let outcome = try await awaitReceipt(intent, rpc: rpc)
            switch outcome.state {
            case .done: report.minted.append(outcome)
            case .failed: report.refused.append((outcome.reference, outcome.detail ?? "the mint failed"))
            case .open:
                report.pending.append(outcome)
                return report
            }
        }
        return report
    }

    private func awaitReceipt(_ intent: MintIntent, rpc: NodeRPCClient) async throws(BridgeError) -> MintIntent {
        guard let hash = Bytes32(hex: intent.transactionHash) else {
            throw .storage(.corrupt("journal intent \(intent.depositId) has transaction hash '\(intent.transactionHash)'"))
        }
        let outcome: TransactionOutcome?
        do { outcome = try await rpc.waitForReceipt(of: hash) } catch { throw .node(error) }
        guard let outcome else { return intent }
        return try record(intent, outcome)
    }

    private func record(_ intent: MintIntent, _ outcome: TransactionOutcome) throws(BridgeError) -> MintIntent {
        var done = intent
        done.blockNumber = outcome.blockNumber
        if outcome.succeeded {
            done.state = .done
        } else {
            done.state = .failed
            done.detail = "the mint transaction failed in block \(outcome.blockNumber): \(outcome.revertReason ?? "no reason given")"
        }
        try storage { () throws(BridgeStorageError) in try journal.write(done) }
        return done
    }

    private func markDone(_ intent: MintIntent, block: UInt64, detail: String) throws(BridgeError) -> MintIntent {
        var done = intent
        done.state = .done
        done.blockNumber = block
        done.detail = detail
        try storage { () throws(BridgeStorageError) in try journal.write(done) }
        return done
    }

    /// Resolves an open intent after a restart: its receipt → recorded; its deposit id
    /// minted by another transaction → done; otherwise the SAME signed bytes (same nonce,
    /// same hash) are sent again and awaited. A nonce taken by another transaction, or a
    /// refusal by the node, marks the attempt failed so the next run signs a new one.
    /// Stays open (pending) only when the node has the transaction but no receipt yet.
    public func resolve(_ intent: MintIntent, rpc: NodeRPCClient) async throws(BridgeError) -> MintIntent {
        guard let hash = Bytes32(hex: intent.transactionHash), let raw = Hex.decode(intent.rawTransaction),
              let id = Bytes32(hex: intent.depositId)
        else { throw .storage(.corrupt("journal intent for \(intent.reference) has a malformed hash, transaction or deposit id")) }
        if let settled = try await settledOnChain(intent, hash: hash, id: id, rpc: rpc) { return settled }
        let refusal: String?
        do {
            _ = try await rpc.sendRawTransaction(raw)
            refusal = nil
        } catch {
            guard let message = error.nodeMessage else { throw .node(error) }
            refusal = message.hasPrefix("already known") ? nil : message
        }
        guard let refusal else { return try await awaitReceipt(intent, rpc: rpc) }
        // Refused: committed meanwhile, minted by another transaction, or truly not minted.
        if let settled = try await settledOnChain(intent, hash: hash, id: id, rpc: rpc) { return settled }
        var failed = intent
        failed.state = .failed
        failed.detail = refusal.hasPrefix("nonce too low")
            ? "nonce \(intent.nonce) was used by another transaction of the custodian key; the next run mints under a new nonce"
            : "the node refused the resent mint: \(refusal)"
        try storage { () throws(BridgeStorageError) in try journal.write(failed) }
        return failed
    }

    /// The intent recorded from its receipt, or done if its deposit id is minted; nil if neither.
    private func settledOnChain(_ intent: MintIntent, hash: Bytes32, id: Bytes32, rpc: NodeRPCClient) async throws(BridgeError) -> MintIntent? {
        let outcome: TransactionOutcome?
        let block: UInt64?
        do {
            outcome = try await rpc.receipt(of: hash)
            block = outcome == nil ? try await rpc.depositBlock(id) : nil
        } catch { throw .node(error) }
        if let outcome { return try record(intent, outcome) }
        // A deposit in the open block is not final (a node crash before the commit loses it).
        if let block, try await isCommitted(block, rpc: rpc) {
            return try markDone(intent, block: block, detail: "found minted on chain when resolving the journal")
        }
        return nil
    }

    /// Whether `block` is committed: the latest state also holds the open block's
    /// admitted transactions, which a node crash before the commit would lose.
    private func isCommitted(_ block: UInt64, rpc: NodeRPCClient) async throws(BridgeError) -> Bool {
        do { return try await rpc.blockNumber() >= block } catch { throw .node(error) }
    }

    func storage<T>(_ body: () throws(BridgeStorageError) -> T) throws(BridgeError) -> T {
        do { return try body() } catch { throw .storage(error) }
    }
}
