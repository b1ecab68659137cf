/// Block execution as a pure function of (state, block): each transaction's validity,
/// then its call, then its receipt. The block timestamp is the only clock; nothing
/// depends on hash-map order.
public enum BlockExecutor {
    /// Checks that `tx` may be included now: a call (not a creation) sending no value,
    /// with enough gas, within the block gas limit, at the sender's next nonce.
    /// Returns the intrinsic gas.
    public static func validate(_ tx: VerifiedTransaction, state: WorldState, gasLimit: UInt64) throws(TransactionRejection) -> UInt64 {
        let intrinsic = try checkStatic(tx, gasLimit: gasLimit)
        let t = tx.transaction.transaction
        let expected = state.account(tx.sender).nonce
        if t.nonce < expected { throw .nonceTooLow(sender: tx.sender, tx: t.nonce, state: expected) }
        if t.nonce > expected { throw .nonceTooHigh(sender: tx.sender, tx: t.nonce, state: expected) }
        return intrinsic
    }

    /// The checks that do not depend on state: a call, a nonce below 2^64 - 1, no value, gas within the block
    /// limit and above the intrinsic cost. Returns the intrinsic gas.
    public static func checkStatic(_ tx: VerifiedTransaction, gasLimit: UInt64) throws(TransactionRejection) -> UInt64 {
        let t = tx.transaction.transaction
        guard t.to != nil else { throw .contractCreation }
        // The sender's nonce could never advance past it (EIP-2681).
        guard t.nonce < .max else { throw .nonceMax(sender: tx.sender, nonce: t.nonce) }
        guard t.value == .zero else { throw .insufficientFunds(value: t.value) }
        guard t.gasLimit <= gasLimit else { throw .exceedsBlockGasLimit(gas: t.gasLimit, limit: gasLimit) }
        let intrinsic = tx.intrinsicGas
        guard t.gasLimit >= intrinsic else { throw .intrinsicGasTooLow(have: t.gasLimit, want: intrinsic) }
        return intrinsic
    }

    /// Validates and executes `tx` at position `index`: the nonce always advances; a
    /// revert (or running out of gas) undoes the call's writes and gives status 0.
    public static func apply(
        _ tx: VerifiedTransaction, index: UInt32, cumulativeGasUsed: UInt64, state: inout WorldState, block: BlockContext, gasLimit: UInt64
    ) throws(TransactionRejection) -> Receipt {
        let intrinsic = try validate(tx, state: state, gasLimit: gasLimit)
        let t = tx.transaction.transaction
        let to = t.to!  // validate() refused creations
        state.incrementNonce(tx.sender)

        let execution = CallDispatcher.executionGas(state, to: to, data: t.data)
        var gasUsed = intrinsic + execution
        var logs: [Log] = []
        var reason = ""
        if gasUsed > t.gasLimit {
            gasUsed = t.gasLimit
            reason = Receipt.outOfGasPrefix + "needs \(intrinsic + execution)"
        } else {
            let mark = state.checkpoint()
            do {
                let result = try CallDispatcher.call(&state, sender: tx.sender, to: to, data: t.data, block: block)
                logs = result.events.map(LogEncoder.log)
            } catch {
                state.revert(to: mark)
                reason = error.reason
            }
        }
        return Receipt(transactionHash: tx.hash, transactionIndex: index, type: t.type, from: tx.sender, to: to,
                       succeeded: reason.isEmpty, gasUsed: gasUsed, cumulativeGasUsed: cumulativeGasUsed + gasUsed,
                       logs: logs, revertReason: reason)
    }

    /// Executes every transaction of a block in order. Any invalid transaction makes
    /// the whole block invalid (a follower refuses it).
    public static func execute(
        _ transactions: [VerifiedTransaction], state: inout WorldState, block: BlockContext, gasLimit: UInt64
    ) throws(BlockExecutionError) -> [Receipt] {
        let openingLogs = CorporateActions.beginBlock(&state, block).map(LogEncoder.log)
        var receipts: [Receipt] = []
        receipts.reserveCapacity(transactions.count)
        var cumulative: UInt64 = 0
        let clockLogs = openingLogs + runMarketClock(&state, block: block)
        for (i, tx) in transactions.enumerated() {
            var receipt: Receipt
            do {
                receipt = try apply(tx, index: UInt32(i), cumulativeGasUsed: cumulative, state: &state, block: block, gasLimit: gasLimit)
                if i == 0 { receipt = prepending(clockLogs, to: receipt) }
            } catch {
                throw .invalidTransaction(index: i, hash: tx.hash, error)
            }
            cumulative = receipt.cumulativeGasUsed
            guard cumulative <= gasLimit else { throw .gasLimitExceeded(used: cumulative, limit: gasLimit) }
            receipts.append(receipt)
        }
        return receipts
    }
}

/// Why a block cannot be executed.
public enum BlockExecutionError: Error, Equatable, CustomStringConvertible {
    case invalidTransaction(index: Int, hash: Bytes32, TransactionRejection)
    case gasLimitExceeded(used: UInt64, limit: UInt64)

    public var description: String {
        switch self {
        case .invalidTransaction(let i, let h, let e): return "invalid block: transaction \(i) (\(h)): \(e.description)"
        case .gasLimitExceeded(let used, let limit): return "invalid block: gas used \(used) exceeds the limit \(limit)"
        }
    }
}
