/// The market clock's place in block execution: it runs once per block, before the
/// first transaction, at the block's timestamp (`ExchangeClock`). What it does is
/// logged in the first transaction's receipt, ahead of that transaction's own logs;
/// a block without transactions changes the state the same way but has no receipt to
/// carry the logs (docs/markets.md).
extension BlockExecutor {
    /// Runs the market clock; returns its logs.
    public static func runMarketClock(_ state: inout WorldState, block: BlockContext) -> [Log] {
        ExchangeClock.advance(&state, block: block).map { LogEncoder.log(.exchange($0)) }
    }

    /// `receipt` with `logs` in front of its own.
    public static func prepending(_ logs: [Log], to receipt: Receipt) -> Receipt {
        guard !logs.isEmpty else { return receipt }
        return Receipt(transactionHash: receipt.transactionHash, transactionIndex: receipt.transactionIndex, type: receipt.type,
                       from: receipt.from, to: receipt.to, succeeded: receipt.succeeded, gasUsed: receipt.gasUsed,
                       cumulativeGasUsed: receipt.cumulativeGasUsed, logs: logs + receipt.logs, revertReason: receipt.revertReason)
    }
}
