import Dispatch

/// Finishes and writes the sequencer's sealed blocks on a thread of its own.
///
/// Sealing has two halves. What depends on the world state (the changed leaves, their
/// values and the state root) is done inside the `Chain` actor, at the block's end. The
/// rest depends only on what the block already holds: the receipts root, the bloom, the
/// header, the stored encodings and the synced RocksDB write. That half runs here, so
/// the actor goes on admitting transactions into the next block meanwhile instead of
/// holding every request for the length of a write and an fsync.
final class BlockCommitter: Sendable {
    /// A sealed block as the actor hands it over: everything but its header's hash.
    struct SealedWork: Sendable {
        var parent: BlockHeader
        var coinbase: Address
        var stateRoot: Bytes32
        var gasLimit: UInt64
        var gasUsed: UInt64
        var timestamp: UInt64
        var transactions: [SignedTransaction]
        var rawTransactions: [[UInt8]]
        var transactionHashes: [Bytes32]
        var receipts: [Receipt]
        var stateChanges: [(StateKey, [UInt8]?)]
        var markets: [UInt32: MarketView]
    }

    private let store: ChainStore
    /// Serial: blocks are written in the order they were handed over.
    private let queue = DispatchQueue(label: "equitychain.block-commit", qos: .userInitiated)

    init(store: ChainStore) {
        self.store = store
    }

    /// Builds the block's header and writes the block durably (`ChainStore.commit`),
    /// off the caller's thread; returns the committed block.
    func commit(_ work: SealedWork) async -> Result<SealedBlock, ChainStoreError> {
        await withCheckedContinuation { continuation in
            queue.async { [store] in continuation.resume(returning: Self.write(work, to: store)) }
        }
    }

    private static func write(_ work: SealedWork, to store: ChainStore) -> Result<SealedBlock, ChainStoreError> {
        var bloom = LogsBloom()
        for r in work.receipts { bloom.formUnion(r.bloom) }
        let header = BlockHeader(
            parentHash: work.parent.hash, coinbase: work.coinbase, stateRoot: work.stateRoot,
            transactionsRoot: Block.transactionsRoot(hashes: work.transactionHashes), receiptsRoot: Receipt.root(work.receipts),
            logsBloom: bloom, number: work.parent.number + 1, gasLimit: work.gasLimit, gasUsed: work.gasUsed, timestamp: work.timestamp)
        do {
            try store.commit(header: header, rawTransactions: work.rawTransactions, transactionHashes: work.transactionHashes,
                             receipts: work.receipts, stateChanges: work.stateChanges)
        } catch {
            return .failure(error)
        }
        return .success(SealedBlock(block: Block(header: header, transactions: work.transactions), receipts: work.receipts, markets: work.markets))
    }
}
