/// Transactions and receipts by hash.
extension NodeAPI {
    /// `eth_getTransactionByHash`: a committed transaction, or one executed in the open
    /// block (with `blockHash`, `blockNumber` and `transactionIndex` null), or null.
    func transactionByHash(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        let hash = try p.read(0, RPCValue.hash)
        if let (block, receipts, index) = try committed(hash) {
            let i = Int(index)
            return TransactionObject.json(block.transactions[i], sender: receipts[i].from, hash: hash,
                                          location: .init(blockHash: block.header.hash, blockNumber: block.header.number, index: index))
        }
        if let (tx, receipt) = await chain.openTransaction(hash: hash) {
            return TransactionObject.json(tx, sender: receipt.from, hash: hash, location: nil)
        }
        return .null
    }

    /// `eth_getTransactionReceipt`: receipts exist for committed transactions only,
    /// so whatever has one survives a crash.
    func receipt(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        let hash = try p.read(0, RPCValue.hash)
        guard let (block, receipts, index) = try committed(hash) else { return .null }
        return ReceiptObject.json(receipts, index: Int(index), header: block.header, blockHash: block.header.hash)
    }

    /// A committed transaction's block, the block's receipts and its index.
    private func committed(_ hash: Bytes32) throws(RPCError) -> (Block, [Receipt], UInt32)? {
        try stored { () throws(ChainStoreError) -> (Block, [Receipt], UInt32)? in
            guard let (number, index) = try chain.store.transactionLocation(hash: hash),
                  let block = try chain.store.block(number: number) else { return nil }
            let receipts = try chain.store.receipts(number: number)
            guard Int(index) < block.transactions.count, Int(index) < receipts.count else {
                throw .corrupt("transaction \(hash) points at index \(index) of block \(number)")
            }
            return (block, receipts, index)
        }
    }
}
