import Node

/// A committed transaction as its receipt tells it.
public struct TransactionOutcome: Sendable, Equatable {
    public let hash: Bytes32
    public let blockNumber: UInt64
    public let succeeded: Bool
    /// Why it failed (the node's `revertReason`), when it did.
    public let revertReason: String?
}
