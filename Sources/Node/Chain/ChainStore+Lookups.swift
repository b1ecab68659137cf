/// One transaction's reads: `eth_getTransactionByHash` and `eth_getTransactionReceipt`
/// want one item of a block that may hold thousands, so the others are skipped over by
/// their RLP headers instead of decoded (a transaction strictly, a receipt with its
/// bloom recomputed).
extension ChainStore {
    /// The transaction at `index` of committed block `number`, with the block's header;
    /// nil when the block does not exist or is shorter.
    public func transaction(number: UInt64, index: UInt32) throws(ChainStoreError) -> (header: BlockHeader, transaction: SignedTransaction)? {
        guard let (header, encoded) = try storedBlock(number: number) else { return nil }
        do {
            var outer = RLPReader(encoded)
            var block = try outer.readList()
            _ = try block.readRawItem()
            var transactions = try block.readList()
            for _ in 0..<index {
                guard !transactions.isAtEnd else { return nil }
                _ = try transactions.readRawItem()
            }
            guard !transactions.isAtEnd else { return nil }
            return (header, try SignedTransaction(raw: Array(try transactions.readBytes())))
        } catch {
            throw .corrupt("transaction \(index) of block \(number): \(error)")
        }
    }

    /// The receipt at `index` of committed block `number`, and how many logs the block's
    /// earlier receipts hold (its first log's index in the block); nil when there is none.
    public func receipt(number: UInt64, index: UInt32) throws(ChainStoreError) -> (receipt: Receipt, firstLogIndex: UInt64)? {
        guard let raw = try get(Self.numberKey(number), self.receipts) else { return nil }
        do {
            var outer = RLPReader(raw)
            var receipts = try outer.readList()
            var logsBefore: UInt64 = 0
            for _ in 0..<index {
                guard !receipts.isAtEnd else { return nil }
                var fields = try receipts.readList()
                // Hash, index, type, from, to, status, gas used, cumulative gas; then the logs.
                for _ in 0..<8 { _ = try fields.readRawItem() }
                var logs = try fields.readList()
                while !logs.isAtEnd {
                    _ = try logs.readRawItem()
                    logsBefore += 1
                }
            }
            guard !receipts.isAtEnd else { return nil }
            return (try Receipt(stored: &receipts), logsBefore)
        } catch {
            throw .corrupt("receipt \(index) of block \(number): \(error)")
        }
    }
}
