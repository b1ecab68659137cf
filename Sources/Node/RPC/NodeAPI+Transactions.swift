/// Transactions and receipts by hash.
extension NodeAPI {
    /// `eth_getTransactionByHash`: a committed transaction, or a pending one (executed in
    /// a block not yet committed, or queued behind a nonce gap) with `blockHash`,
    /// `blockNumber` and `transactionIndex` null, or null.
    func transactionByHash(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        let hash = try p.read(0, RPCValue.hash)
        let committed = try stored { () throws(ChainStoreError) -> (BlockHeader, SignedTransaction, Receipt, UInt32)? in
            guard let (number, index) = try chain.store.transactionLocation(hash: hash) else { return nil }
            guard let (header, tx) = try chain.store.transaction(number: number, index: index),
                  let (receipt, _) = try chain.store.receipt(number: number, index: index) else {
                throw .corrupt("transaction \(hash) points at index \(index) of block \(number)")
            }
            return (header, tx, receipt, index)
        }
        if let (header, tx, receipt, index) = committed {
            return TransactionObject.json(tx, sender: receipt.from, hash: hash,
                                          location: .init(blockHash: header.hash, blockNumber: header.number, index: index))
        }
        if let (tx, receipt) = await chain.openTransaction(hash: hash) {
            return TransactionObject.json(tx, sender: receipt.from, hash: hash, location: nil)
        }
        if let queued = await chain.queuedTransaction(hash: hash) {
            return TransactionObject.json(queued.transaction, sender: queued.sender, hash: hash, location: nil)
        }
        return .null
    }

    /// `eth_getTransactionReceipt`: receipts exist for committed transactions only,
    /// so whatever has one survives a crash. Only this receipt of its block is decoded.
    func receipt(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        let hash = try p.read(0, RPCValue.hash)
        return try stored { () throws(ChainStoreError) -> JSONValue in
            guard let (number, index) = try chain.store.transactionLocation(hash: hash) else { return .null }
            guard let header = try chain.store.header(number: number),
                  let (receipt, firstLogIndex) = try chain.store.receipt(number: number, index: index) else {
                throw .corrupt("transaction \(hash) points at index \(index) of block \(number)")
            }
            return ReceiptObject.json(receipt, firstLogIndex: firstLogIndex, header: header, blockHash: header.hash)
        }
    }
}
