/// Header-only reads: `eth_getLogs` checks each block's bloom before it loads receipts,
/// and decoding a whole block (every transaction) for that would be wasted work.
extension ChainStore {
    /// The header of committed block `number`, without decoding its transactions.
    public func header(number: UInt64) throws(ChainStoreError) -> BlockHeader? {
        try storedBlock(number: number)?.header
    }
}
