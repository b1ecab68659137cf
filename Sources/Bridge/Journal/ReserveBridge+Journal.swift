import Node

extension ReserveBridge {
    /// The journal of attestations and dividend transactions.
    public var transactions: TransactionJournal { TransactionJournal(database: database) }

    /// Writes `tx` to the journal under `key` (synced) BEFORE sending it, sends it, awaits
    /// its receipt and records the outcome. The record stays `open` when no receipt came
    /// within the wait (the next run resolves it with `resolveJournaled`).
    func submitJournaled(key: String, _ tx: SignedTransaction, nonce: UInt64, rpc: NodeRPCClient,
                         crashPoint: CrashPoint? = nil) async throws(BridgeError) -> JournaledTransaction {
        var record = JournaledTransaction(key: key, nonce: nonce, transactionHash: tx.hash.hex,
                                          rawTransaction: Hex.encode(tx.encoded), state: .open)
        try storage { () throws(BridgeStorageError) in try transactions.write(record) }
        do {
            _ = try await rpc.sendRawTransaction(tx.encoded)
        } catch {
            // Unreachable: the record stays open for the next run.
            guard let message = error.nodeMessage else { throw .node(error) }
            if !message.hasPrefix("already known") {
                record.state = .failed
                record.detail = "the node refused it: \(message)"
                try storage { () throws(BridgeStorageError) in try transactions.write(record) }
                return record
            }
        }
        crashPoint?.reached()
        return try await awaitJournaled(record, rpc: rpc)
    }

    /// Resolves an open record after a restart: its receipt → recorded; `achieved` finds
    /// the purpose done on chain by another transaction (the block) → done; otherwise the
    /// SAME signed bytes are sent again and awaited. A refusal of the resend (its nonce
    /// taken by another transaction) with no receipt marks it failed.
    func resolveJournaled(_ record: JournaledTransaction, rpc: NodeRPCClient,
                          achieved: () async throws(BridgeError) -> UInt64?) async throws(BridgeError) -> JournaledTransaction {
        guard record.state == .open else { return record }
        guard let hash = Bytes32(hex: record.transactionHash), let raw = Hex.decode(record.rawTransaction) else {
            throw .storage(.corrupt("journal record \(record.key) has a malformed hash or transaction"))
        }
        if let outcome = try await receipt(hash, rpc: rpc) { return try recordOutcome(record, outcome) }
        if let block = try await achieved() { return try markJournaled(record, state: .done, block: block, detail: "found done on chain when resolving the journal") }
        let refusal: String?
        do {
            _ = try await rpc.sendRawTransaction(raw)
            refusal = nil
        } catch {
            guard let message = error.nodeMessage else { throw .node(error) }
            refusal = message.hasPrefix("already known") ? nil : message
        }
        guard let refusal else { return try await awaitJournaled(record, rpc: rpc) }
        if let outcome = try await receipt(hash, rpc: rpc) { return try recordOutcome(record, outcome) }
        if let block = try await achieved() { return try markJournaled(record, state: .done, block: block, detail: "found done on chain when resolving the journal") }
        return try markJournaled(record, state: .failed, block: nil, detail: "the node refused the resent transaction: \(refusal)")
    }

    private func receipt(_ hash: Bytes32, rpc: NodeRPCClient) async throws(BridgeError) -> TransactionOutcome? {
        do { return try await rpc.receipt(of: hash) } catch { throw .node(error) }
    }

    private func awaitJournaled(_ record: JournaledTransaction, rpc: NodeRPCClient) async throws(BridgeError) -> JournaledTransaction {
        guard let hash = Bytes32(hex: record.transactionHash) else {
            throw .storage(.corrupt("journal record \(record.key) has transaction hash '\(record.transactionHash)'"))
        }
        let outcome: TransactionOutcome?
        do { outcome = try await rpc.waitForReceipt(of: hash) } catch { throw .node(error) }
        guard let outcome else { return record }
        return try recordOutcome(record, outcome)
    }

    private func recordOutcome(_ record: JournaledTransaction, _ outcome: TransactionOutcome) throws(BridgeError) -> JournaledTransaction {
        outcome.succeeded
            ? try markJournaled(record, state: .done, block: outcome.blockNumber, detail: nil)
            : try markJournaled(record, state: .failed, block: outcome.blockNumber,
                                detail: "reverted in block \(outcome.blockNumber): \(outcome.revertReason ?? "no reason given")")
    }

    private func markJournaled(_ record: JournaledTransaction, state: JournaledTransaction.State, block: UInt64?,
                               detail: String?) throws(BridgeError) -> JournaledTransaction {
        var next = record
        next.state = state
        next.blockNumber = block
        next.detail = detail
        try storage { () throws(BridgeStorageError) in try transactions.write(next) }
        return next
    }
}
