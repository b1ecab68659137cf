/// A sealed block: its header and its transactions in execution order.
public struct Block: Sendable, Hashable {
    public var header: BlockHeader
    public var transactions: [SignedTransaction]

    public init(header: BlockHeader, transactions: [SignedTransaction]) {
        self.header = header
        self.transactions = transactions
    }

    /// The stored and fed form: rlp([header, [tx envelopes as byte strings]]).
    public var encoded: [UInt8] { Self.encode(header: header, rawTransactions: transactions.map(\.encoded)) }

    /// The stored form from a header and the transactions' envelopes as received.
    public static func encode(header: BlockHeader, rawTransactions: [[UInt8]]) -> [UInt8] {
        let headerBytes = header.encoded
        let body = rawTransactions.reduce(0) { $0 + RLP.encodedStringLength(count: $1.count, first: $1.first) }
        let payload = headerBytes.count + RLP.encodedListLength(payload: body)
        var out: [UInt8] = []
        out.reserveCapacity(RLP.encodedListLength(payload: payload))
        RLP.appendHeader(listPayload: payload, to: &out)
        out.append(contentsOf: headerBytes)
        RLP.appendHeader(listPayload: body, to: &out)
        for raw in rawTransactions { RLP.appendString(raw, to: &out) }
        return out
    }

    /// Decodes a stored or fed block; each transaction is decoded strictly.
    public init(encoded: [UInt8]) throws(BlockDecodingError) {
        let (header, rawTransactions): (BlockHeader, [[UInt8]])
        do { (header, rawTransactions) = try Self.split(encoded) } catch { throw .rlp(error) }
        var txs: [SignedTransaction] = []
        txs.reserveCapacity(rawTransactions.count)
        for raw in rawTransactions {
            do { txs.append(try SignedTransaction(raw: raw)) } catch { throw .transaction(index: txs.count, error) }
        }
        self.init(header: header, transactions: txs)
    }

    private static func split(_ encoded: [UInt8]) throws(RLPError) -> (BlockHeader, [[UInt8]]) {
        var outer = RLPReader(encoded)
        var r = try outer.readList()
        try outer.finish()
        let header = try BlockHeader(encoded: Array(try r.readRawItem()))
        var list = try r.readList()
        var raws: [[UInt8]] = []
        while !list.isAtEnd { raws.append(Array(try list.readBytes())) }
        try r.finish()
        return (header, raws)
    }

    /// The transactions root of `transactions`.
    public static func transactionsRoot(_ transactions: [SignedTransaction]) -> Bytes32 {
        OrderedMerkleRoot.root(leaves: transactions.map(\.hash))
    }

    /// The transactions root from the transactions' hashes.
    public static func transactionsRoot(hashes: [Bytes32]) -> Bytes32 { OrderedMerkleRoot.root(leaves: hashes) }
}

/// Why bytes are not a block.
public enum BlockDecodingError: Error, Equatable, CustomStringConvertible {
    case rlp(RLPError)
    case transaction(index: Int, TransactionError)

    public var description: String {
        switch self {
        case .rlp(let e): return "block: \(e.description)"
        case .transaction(let i, let e): return "block: transaction \(i): \(e.description)"
        }
    }
}
