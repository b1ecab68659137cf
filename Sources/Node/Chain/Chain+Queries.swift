/// The reads and batched admission the RPC server needs, on top of `Chain`'s own.
///
/// Each runs inside the actor and returns a small value: handing `state` itself out
/// would keep a second reference to its dictionaries, so the sequencer's next write
/// would copy the whole ledger.
extension Chain {
    /// Admits transactions in order in one visit to the actor (senders already
    /// recovered, outside the actor); one result per transaction.
    public func submitAll(_ transactions: [VerifiedTransaction], now: UInt64) -> [Result<Bytes32, TransactionRejection>] {
        transactions.map { tx in Result { () throws(TransactionRejection) in try submit(tx, now: now) } }
    }

    /// A transaction executed in the open block, or in a sealed block still being
    /// written (admitted, not yet committed), with the receipt it will have.
    public func openTransaction(hash: Bytes32) -> (transaction: SignedTransaction, receipt: Receipt)? {
        if let i = openReceipts.firstIndex(where: { $0.transactionHash == hash }) { return (openTransactions[i], openReceipts[i]) }
        guard let i = committingReceipts.firstIndex(where: { $0.transactionHash == hash }) else { return nil }
        return (committingTransactions[i], committingReceipts[i])
    }

    /// A transaction waiting in the pool for an earlier nonce of its sender.
    public func queuedTransaction(hash: Bytes32) -> VerifiedTransaction? { pool.transaction(hash: hash) }

    /// An account's nonce as of the last committed block, and including the blocks not
    /// yet committed.
    public func nonces(of address: Address) -> (latest: UInt64, pending: UInt64) {
        let pending = state.account(address).nonce
        let uncommitted = UInt64((openReceipts.lazy.filter { $0.from == address }.count)
            + committingReceipts.lazy.filter { $0.from == address }.count)
        return (pending - min(pending, uncommitted), pending)
    }

    /// What `eth_estimateGas` answers: the intrinsic cost plus the execution cost of
    /// the selected function, after checking (with effects discarded) that the call
    /// does not revert.
    public func estimateGas(from: Address, to: Address, data: [UInt8], accessList: [AccessListEntry], now: UInt64) throws(Revert) -> UInt64 {
        _ = try call(from: from, to: to, data: data, now: now)
        return GasSchedule.intrinsic(data: data, accessList: accessList) + CallDispatcher.executionGas(state, to: to, data: data)
    }

    /// Whether `address` holds a native contract (a token or a system address).
    public func hasCode(at address: Address) -> Bool { CallDispatcher.hasCode(state, at: address) }

    /// Every token, the cash token first, then share tokens by symbol.
    public func tokens() -> [(address: Address, token: TokenState)] {
        state.tokens.map { ($0.key, $0.value) }.sorted { a, b in
            a.token.kind != b.token.kind ? a.token.kind == .cash : a.token.symbol < b.token.symbol
        }
    }

    /// An account's nonce and positions, each with its token.
    public func positions(of address: Address) -> (nonce: UInt64, positions: [(position: TokenPosition, token: TokenState?)]) {
        let account = state.account(address)
        return (account.nonce, account.positions.map { ($0, state.token($0.token)) })
    }

    /// The verified identity `wallet` belongs to, and whether it is current at the
    /// time the next block would have.
    public func identity(of wallet: Address, now: UInt64) -> (identity: Identity, verified: Bool)? {
        guard let identity = state.identity(of: wallet) else { return nil }
        return (identity, identity.isVerified(at: max(tipTimestamp, now)))
    }

    /// The compliance verdict on a transfer as the next block would give it.
    public func preTransferCheck(token: Address, from: Address, to: Address, amount: UInt128, now: UInt64) -> TransferRestriction {
        TransferCompliance.check(state, token: token, from: from, to: to, amount: amount, time: max(tipTimestamp, now))
    }

    /// Redemptions with id ≥ `fromId`, in id order, at most `limit`, each with its token's symbol and decimals.
    public func redemptions(fromId: UInt64, limit: Int) -> [(redemption: Redemption, token: TokenState?)] {
        // Ids are sequential: walk from `fromId` instead of sorting every redemption.
        var out: [(redemption: Redemption, token: TokenState?)] = []
        var id = max(fromId, 1)
        while out.count < limit, id < state.system.nextRedemptionId {
            if let r = state.redemptions[id] { out.append((r, state.token(r.token))) }
            id += 1
        }
        return out
    }
}
