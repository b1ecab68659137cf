/// The node's rules for whose signatures it accepts, as geth's `types.Signer`: the
/// chain id every protected transaction must carry, and whether pre-EIP-155 legacy
/// transactions (v = 27/28, valid on every chain) are accepted.
///
/// Checks run in geth's order: replay protection, then the chain id, then the
/// signature (r and s in [1, n-1], s ≤ n/2, then public-key recovery).
public struct TransactionSigner: Sendable, Hashable {
    /// The chain id of this node's chain.
    public let chainId: UInt64
    /// Whether unprotected legacy transactions are accepted. geth refuses them over RPC
    /// unless started with `--rpc.allow-unprotected-txs`.
    public let allowsUnprotected: Bool

    public init(chainId: UInt64, allowsUnprotected: Bool = false) {
        self.chainId = chainId
        self.allowsUnprotected = allowsUnprotected
    }

    /// The address that signed `tx`, or why it is refused.
    public func sender(of tx: SignedTransaction) throws(TransactionError) -> Address {
        if let have = tx.transaction.chainId {
            guard have == chainId else { throw .invalidChainId(have: have, want: chainId) }
        } else {
            guard allowsUnprotected else { throw .unprotected }
        }
        do { return try tx.signature.recoverAddress(digest: tx.transaction.signingHash) } catch {
            throw .invalidSignature(error)
        }
    }

    /// `tx` with its sender recovered and its hash computed, each once.
    public func verify(_ tx: SignedTransaction) throws(TransactionError) -> VerifiedTransaction {
        VerifiedTransaction(transaction: tx, sender: try sender(of: tx), hash: tx.hash)
    }
}
