/// A signed transaction whose sender a `TransactionSigner` has recovered, kept with
/// its hash so neither is computed again (recovery is the expensive step).
public struct VerifiedTransaction: Sendable, Hashable {
    public let transaction: SignedTransaction
    /// The address that signed it, for the signer's chain.
    public let sender: Address
    /// Keccak-256 of the wire encoding.
    public let hash: Bytes32
    /// The gas it costs before execution (`GasSchedule.intrinsic`): worked out once, with
    /// the sender, off the chain actor, rather than at admission and again at execution.
    public let intrinsicGas: UInt64

    init(transaction: SignedTransaction, sender: Address, hash: Bytes32) {
        self.transaction = transaction
        self.sender = sender
        self.hash = hash
        intrinsicGas = GasSchedule.intrinsic(data: transaction.transaction.data, accessList: transaction.transaction.accessList)
    }
}
