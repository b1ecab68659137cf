/// The outcome of one transaction in a block.
public struct Receipt: Sendable, Hashable {
    public let transactionHash: Bytes32
    public let transactionIndex: UInt32
    public let type: TransactionType
    public let from: Address
    public let to: Address?
    /// True for success (`0x1`), false for a revert (`0x0`).
    public let succeeded: Bool
    public let gasUsed: UInt64
    public let cumulativeGasUsed: UInt64
    public let logs: [Log]
    /// The bloom of `logs`, computed once.
    public let bloom: LogsBloom
    /// Why the transaction reverted; empty on success. Not part of Ethereum's receipt
    /// encoding, served as `revertReason` by the RPC.
    public let revertReason: String

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
        var bloom = LogsBloom()
        for log in logs { bloom.add(log) }
        self.bloom = bloom
        self.revertReason = revertReason
    }

    /// How the revert reason of a transaction that ran out of gas starts.
    static let outOfGasPrefix = "out of gas: "

    /// Whether the transaction failed for lack of gas (rather than a revert).
    public var ranOutOfGas: Bool { !succeeded && revertReason.hasPrefix(Self.outOfGasPrefix) }

    /// Ethereum's consensus encoding: `type ‖ rlp([status, cumulativeGasUsed, bloom, logs])`
    /// (no type byte for legacy). The receipts root commits to this.
    public var consensusEncoding: [UInt8] {
        var out: [UInt8] = []
        appendConsensusEncoding(to: &out)
        return out
    }

    /// Appends `consensusEncoding` to `out`, written in place.
    func appendConsensusEncoding(to out: inout [UInt8]) {
        let payload = 1 + RLP.encodedLength(of: cumulativeGasUsed) + 259 + Log.rlpListLength(logs)
        out.reserveCapacity(out.count + 1 + RLP.encodedListLength(payload: payload))
        if type != .legacy { out.append(type.rawValue) }
        RLP.appendHeader(listPayload: payload, to: &out)
        RLP.appendUInt(UInt64(succeeded ? 1 : 0), to: &out)
        RLP.appendUInt(cumulativeGasUsed, to: &out)
        // The bloom: a 256-byte string (header 0xb9 0x01 0x00).
        out.append(0xb9)
        out.append(0x01)
        out.append(0x00)
        bloom.append(to: &out)
        Log.appendRLPList(logs, to: &out)
    }

    /// The receipts root of `receipts`: the ordered Merkle root of the Keccak-256 of each
    /// consensus encoding.
    public static func root(_ receipts: [Receipt]) -> Bytes32 {
        var buffer: [UInt8] = []
        let leaves = receipts.map { receipt in
            buffer.removeAll(keepingCapacity: true)
            receipt.appendConsensusEncoding(to: &buffer)
            return Keccak256.hash(buffer)
        }
        return OrderedMerkleRoot.root(leaves: leaves)
    }
}
