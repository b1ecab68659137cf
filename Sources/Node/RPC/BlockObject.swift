/// The JSON of a block (ethereum/execution-apis `Block`) and of a `newHeads` header.
public enum BlockObject {
    /// The header fields, as `newHeads` notifications carry them.
    public static func header(_ header: BlockHeader) -> [String: JSONValue] {
        [
            "hash": .hash(header.hash),
            "parentHash": .hash(header.parentHash),
            "sha3Uncles": .hash(BlockHeader.emptyOmmersHash),
            "miner": .address(header.coinbase),
            "stateRoot": .hash(header.stateRoot),
            "transactionsRoot": .hash(header.transactionsRoot),
            "receiptsRoot": .hash(header.receiptsRoot),
            "logsBloom": .data(header.logsBloom.bytes),
            "difficulty": .quantity(0 as UInt64),
            "number": .quantity(header.number),
            "gasLimit": .quantity(header.gasLimit),
            "gasUsed": .quantity(header.gasUsed),
            "timestamp": .quantity(header.timestamp),
            "extraData": .data(header.extraData),
            "mixHash": .hash(.zero),
            "nonce": .string("0x0000000000000000"),
            "baseFeePerGas": .quantity(header.baseFeePerGas),
        ]
    }

    /// A committed block; with `fullTransactions` each transaction is an object
    /// (its sender taken from the receipts), otherwise its hash.
    public static func json(_ block: Block, receipts: [Receipt], fullTransactions: Bool) -> JSONValue {
        var members = header(block.header)
        members["size"] = .quantity(UInt64(block.encoded.count))
        members["totalDifficulty"] = .quantity(0 as UInt64)
        members["uncles"] = .array([])
        let hash = block.header.hash
        if fullTransactions {
            var txs: [JSONValue] = []
            txs.reserveCapacity(block.transactions.count)
            for (i, tx) in block.transactions.enumerated() {
                let sender = i < receipts.count ? receipts[i].from : Address.zero
                txs.append(TransactionObject.json(tx, sender: sender, hash: tx.hash,
                                                  location: .init(blockHash: hash, blockNumber: block.header.number, index: UInt32(i))))
            }
            members["transactions"] = .array(txs)
        } else {
            members["transactions"] = .array(block.transactions.map { .hash($0.hash) })
        }
        return .object(members)
    }
}
