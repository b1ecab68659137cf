import Logging

/// The chain in RocksDB. A block, its receipts, its transaction lookups, its state
/// changes and the new head pointer are written in ONE batch with the WAL synced, so
/// after `kill -9` the database holds exactly the blocks whose commit returned.
///
/// Column families: `meta` (head, genesis hash), `blocks` (number → block),
/// `hashes` (block hash → number), `receipts` (number → receipts), `txs` (tx hash →
/// number and index), `state` (state key → value).
public final class ChainStore: Sendable {
    let db: RocksDB
    let meta, blocks, hashes, receipts, txs, state: RocksDB.ColumnFamily

    private static let headKey = Array("head".utf8)
    private static let genesisKey = Array("genesis".utf8)

    public init(path: String, configuration: RocksDB.Configuration = .init(), logger: Logger? = nil) throws(ChainStoreError) {
        do {
            db = try RocksDB(path: path, columnFamilies: ["meta", "blocks", "hashes", "receipts", "txs", "state"],
                             configuration: configuration, logger: logger)
            meta = try db.columnFamily("meta")
            blocks = try db.columnFamily("blocks")
            hashes = try db.columnFamily("hashes")
            receipts = try db.columnFamily("receipts")
            txs = try db.columnFamily("txs")
            state = try db.columnFamily("state")
        } catch { throw .rocksDB(error) }
    }

    /// Closes the database; later calls fail with a clear error.
    public func close() { db.close() }

    func get(_ key: [UInt8], _ cf: RocksDB.ColumnFamily) throws(ChainStoreError) -> [UInt8]? {
        do { return try db.get(key, in: cf) } catch { throw .rocksDB(error) }
    }

    static func numberKey(_ n: UInt64) -> [UInt8] { withUnsafeBytes(of: n.bigEndian, Array.init) }

    private static func number(_ bytes: [UInt8]) throws(ChainStoreError) -> UInt64 {
        guard bytes.count == 8 else { throw .corrupt("a block number of \(bytes.count) bytes") }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    // MARK: Reads

    /// The committed head: number and hash, or nil for an empty database.
    public func head() throws(ChainStoreError) -> (number: UInt64, hash: Bytes32)? {
        guard let raw = try get(Self.headKey, meta) else { return nil }
        guard raw.count == 40, let hash = Bytes32(bytes: raw.suffix(32)) else { throw .corrupt("head pointer") }
        return (try Self.number(Array(raw.prefix(8))), hash)
    }

    /// The hash of block 0.
    public func genesisHash() throws(ChainStoreError) -> Bytes32? {
        guard let raw = try get(Self.genesisKey, meta) else { return nil }
        guard let hash = Bytes32(bytes: raw) else { throw .corrupt("genesis hash") }
        return hash
    }

    public func block(number: UInt64) throws(ChainStoreError) -> Block? {
        guard let raw = try get(Self.numberKey(number), blocks) else { return nil }
        do { return try Block(encoded: raw) } catch { throw .corrupt("block \(number): \(error)") }
    }

    public func blockNumber(hash: Bytes32) throws(ChainStoreError) -> UInt64? {
        guard let raw = try get(hash.bytes, hashes) else { return nil }
        return try Self.number(raw)
    }

    public func receipts(number: UInt64) throws(ChainStoreError) -> [Receipt] {
        guard let raw = try get(Self.numberKey(number), receipts) else { return [] }
        do {
            var r = RLPReader(raw)
            var list = try r.readList()
            var out: [Receipt] = []
            while !list.isAtEnd { out.append(try Receipt(stored: &list)) }
            return out
        } catch { throw .corrupt("receipts of block \(number): \(error)") }
    }

    /// Where a committed transaction is: its block and index.
    public func transactionLocation(hash: Bytes32) throws(ChainStoreError) -> (block: UInt64, index: UInt32)? {
        guard let raw = try get(hash.bytes, txs) else { return nil }
        guard raw.count == 12 else { throw .corrupt("transaction lookup") }
        let index = raw.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return (try Self.number(Array(raw.prefix(8))), index)
    }

    /// Every stored state leaf, decoded into a world state, with the tree leaves.
    public func loadState(system: SystemState) throws(ChainStoreError) -> (WorldState, [StateLeaf]) {
        var world = WorldState(system: system)
        var leaves: [StateLeaf] = []
        do {
            let cursor = try db.cursor(over: state)
            while let entry = try cursor.next() {
                guard let key = StateKey(encoded: entry.key) else { throw ChainStoreError.corrupt("state key \(Hex.encode(entry.key))") }
                do { try world.load(key: key, value: entry.value) } catch {
                    throw ChainStoreError.corrupt("state value of \(key): \(error)")
                }
                leaves.append(StateLeaf(path: key.path, valueHash: Keccak256.hash(entry.value)))
            }
        } catch let e as ChainStoreError { throw e } catch let e as RocksDBError { throw .rocksDB(e) } catch {
            throw .corrupt("\(error)")
        }
        _ = world.takeDirtyKeys()
        leaves.sort { $0.path < $1.path }
        return (world, leaves)
    }

    // MARK: Commit

    /// Writes a block with everything that belongs to it and moves the head, atomically
    /// and durably (WAL fsynced before returning).
    public func commit(_ block: Block, receipts blockReceipts: [Receipt], stateChanges: [(StateKey, [UInt8]?)]) throws(ChainStoreError) {
        try commit(header: block.header, rawTransactions: block.transactions.map(\.encoded),
                   transactionHashes: block.transactions.map(\.hash), receipts: blockReceipts, stateChanges: stateChanges)
    }

    /// `commit` with the transactions' envelopes and hashes already at hand (the
    /// sequencer keeps them from admission rather than encoding and hashing again).
    public func commit(
        header: BlockHeader, rawTransactions: [[UInt8]], transactionHashes: [Bytes32], receipts blockReceipts: [Receipt],
        stateChanges: [(StateKey, [UInt8]?)]
    ) throws(ChainStoreError) {
        let number = header.number
        let hash = header.hash
        let numberKey = Self.numberKey(number)
        let blockBytes = Block.encode(header: header, rawTransactions: rawTransactions)
        let receiptBytes = Receipt.encodeStored(blockReceipts)
        var batch = RocksDB.WriteBatch(
            reservingBytes: blockBytes.count + receiptBytes.count + 44 * transactionHashes.count + 160 * stateChanges.count + 256)
        batch.put(numberKey, blockBytes, in: blocks)
        batch.put(hash.bytes, numberKey, in: hashes)
        batch.put(numberKey, receiptBytes, in: receipts)
        // Lookups go in in key order: RocksDB's memtable inserts a key next to the previous
        // one much faster than at a random place. (Hashes within a block are distinct;
        // ties would keep the later index last, as in execution order.)
        let lookups = transactionHashes.enumerated().sorted { ($0.element, $0.offset) < ($1.element, $1.offset) }
        var location = numberKey + [0, 0, 0, 0]
        for (i, txHash) in lookups {
            for b in 0..<4 { location[8 + b] = UInt8(truncatingIfNeeded: UInt32(i) >> UInt32(24 - 8 * b)) }
            batch.put(txHash.bytes, location, in: txs)
        }
        for (key, value) in stateChanges {
            if let value { batch.put(key.encoded, value, in: state) } else { batch.delete(key.encoded, in: state) }
        }
        if number == 0 { batch.put(Self.genesisKey, hash.bytes, in: meta) }
        batch.put(Self.headKey, numberKey + hash.bytes, in: meta)
        do { try db.write(batch, sync: true) } catch { throw .rocksDB(error) }
    }
}
