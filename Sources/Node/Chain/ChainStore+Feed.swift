/// Committed blocks as stored, for the block feed: the sequencer sends them on without
/// decoding their transactions.
extension ChainStore {
    /// Committed block `number` in its stored form, with its decoded header.
    public func storedBlock(number: UInt64) throws(ChainStoreError) -> (header: BlockHeader, encoded: [UInt8])? {
        let raw: [UInt8]?
        do { raw = try db.get(Self.numberKey(number), in: try db.columnFamily("blocks")) } catch { throw .rocksDB(error) }
        guard let raw else { return nil }
        do {
            var outer = RLPReader(raw)
            var block = try outer.readList()
            return (try BlockHeader(encoded: Array(try block.readRawItem())), raw)
        } catch { throw .corrupt("header of block \(number): \(error)") }
    }
}
