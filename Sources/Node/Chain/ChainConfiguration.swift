/// How a node runs its chain.
public struct ChainConfiguration: Sendable {
    /// Seal a block every interval even when no transaction arrived.
    public var sealsEmptyBlocks = false
    /// Accept pre-EIP-155 transactions (valid on every chain; geth refuses them over RPC).
    public var allowsUnprotectedTransactions = false
    /// Most transactions waiting for a nonce gap to close.
    public var poolCapacity = 100_000
    /// Most waiting transactions per sender.
    public var poolPerSenderLimit = 1_024

    public init() {}
}
