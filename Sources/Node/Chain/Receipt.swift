/// The outcome of one transaction in a block.
public struct Receipt: Sendable, Hashable {
    public var transactionHash: Bytes32
    public var transactionIndex: UInt32
    public var type: TransactionType
    public var from: Address
    public var to: Address?
    /// True for success (`0x1`), false for a revert (`0x0`).
    public var succeeded: Bool
    public var gasUsed: UInt64
    public var cumulativeGasUsed: UInt64
    public var logs: [Log]
    /// Why the transaction reverted; empty on success. Not part of Ethereum's receipt
    /// encoding, served as `revertReason` by the RPC.
    public var revertReason: String

    public init(transactionHash: Bytes32, transactionIndex: UInt32, type: TransactionType, from: Address, to: Address?,
                succeeded: Bool, gasUsed: UInt64, cumulativeGasUsed: UInt64, logs: [Log], revertReason: String) {
        self.transactionHash = transactionHash
        self.transactionIndex = transactionIndex
        self.type = type
        self.from = from
        self.to = to
        self.succeeded = succeeded
        self.gasUsed = gasUsed
        self.cumulativeGasUsed = cumulativeGasUsed
        self.logs = logs
        self.revertReason = revertReason
    }

    /// The bloom of this receipt's logs.
    public var bloom: LogsBloom {
        var b = LogsBloom()
        for log in logs { b.add(log) }
        return b
    }

    /// Ethereum's consensus encoding: `type ‖ rlp([status, cumulativeGasUsed, bloom, logs])`
    /// (no type byte for legacy). The receipts root commits to this.
    public var consensusEncoding: [UInt8] {
        let body = RLPItem.list([
            .uint(succeeded ? 1 : 0), .uint(cumulativeGasUsed), .bytes(bloom.bytes),
            .list(logs.map { .list([.bytes($0.address.bytes), .list($0.topics.map { .bytes($0.bytes) }), .bytes($0.data)]) }),
        ]).encoded
        return type == .legacy ? body : [type.rawValue] + body
    }
}
