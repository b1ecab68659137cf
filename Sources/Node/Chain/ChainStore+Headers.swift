/// Header-only reads: `eth_getLogs` checks each block's bloom before it loads receipts,
/// and decoding a whole block (every transaction) for that would be wasted work.
extension ChainStore {
    /// The header of committed block `number`, without decoding its transactions.
    public func header(number: UInt64) throws(ChainStoreError) -> BlockHeader? {
        let raw: [UInt8]?
        do { raw = try db.get(Self.numberKey(number), in: try db.columnFamily("blocks")) } catch { throw .rocksDB(error) }
        guard let raw else { return nil }
        do {
            var outer = RLPReader(raw)
            var block = try outer.readList()
            return try BlockHeader(encoded: Array(try block.readRawItem()))
        } catch { throw .corrupt("header of block \(number): \(error)") }
    }
}
