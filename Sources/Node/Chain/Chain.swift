import Logging

/// A node's chain: the world state, its state tree, the committed head and the
/// storage, behind one actor.
///
/// As a sequencer it executes each transaction when it is admitted (so the pool
/// rejects what would revert, with the reason) into an open block, and `seal(now:)`
/// commits that block with its state root in one synced batch. While that batch is
/// written (by a `BlockCommitter`, off the actor), transactions go on being admitted into
/// the next block. As a replaying node it `importBlock`s the sequencer's blocks and
/// checks every root. Receipts are served only for committed blocks, so whatever a user
/// has a receipt for survives `kill -9`.
public actor Chain {
    public nonisolated let genesis: Genesis
    public nonisolated let signer: TransactionSigner
    public nonisolated let configuration: ChainConfiguration
    let store: ChainStore
    private let committer: BlockCommitter
    let logger: Logger

    /// The state including the open block's transactions. Reading it from outside the
    /// actor copies the whole ledger's dictionaries on the next write, so serving code
    /// uses the small read methods below (`account`, `token`, …); tests may read it.
    public private(set) var state: WorldState
    private var tree: StateTree
    /// The last committed block's header.
    public private(set) var head: BlockHeader
    /// The newest sealed block's number and timestamp, which the open block follows.
    /// They run one block ahead of `head` while a sealed block is being written.
    private(set) var tipNumber: UInt64
    private(set) var tipTimestamp: UInt64
    /// The sealed block being written: its transactions are no longer open, and not
    /// yet committed.
    private(set) var committingTransactions: [SignedTransaction] = []
    private(set) var committingReceipts: [Receipt] = []
    /// A seal is between its start and its commit; a second `seal` waits for it.
    private var sealing = false
    private var sealWaiters: [CheckedContinuation<Void, Never>] = []
    private(set) var pool: TransactionPool

    private(set) var openTransactions: [SignedTransaction] = []
    /// The open transactions' envelopes and hashes, kept from admission for the commit.
    private var openEncoded: [[UInt8]] = []
    private var openTransactionHashes: [Bytes32] = []
    private(set) var openReceipts: [Receipt] = []
    private var openHashes: Set<Bytes32> = []
    private var openGasUsed: UInt64 = 0
    private var openTimestamp: UInt64 = 0
    /// Logs of what the open block's start applied (record points, multiplier changes),
    /// kept until a transaction is accepted: they lead its receipt, as on replay.
    private var openingLogs: [Log] = []
    /// Set when a commit failed: the in-memory state is ahead of the disk, so the node
    /// stops taking work and must be restarted (it resumes from the committed head).
    private var failure: ChainStoreError?

    /// Opens (or creates) the chain of `genesis` in `path`, resuming at the committed
    /// head after checking that the stored state hashes to its state root.
    public init(genesis: Genesis, path: String, configuration: ChainConfiguration = .init(), logger: Logger) throws(ChainStoreError) {
        self.genesis = genesis
        self.configuration = configuration
        self.signer = TransactionSigner(chainId: genesis.chainId, allowsUnprotected: configuration.allowsUnprotectedTransactions)
        self.logger = logger
        self.pool = TransactionPool(capacity: configuration.poolCapacity, perSenderLimit: configuration.poolPerSenderLimit)
        store = try ChainStore(path: path, logger: logger)
        committer = BlockCommitter(store: store)
        let first = Self.genesisBlock(genesis)
        if let (number, hash) = try store.head() {
            guard let stored = try store.genesisHash(), stored == first.block.header.hash else {
                throw .genesisMismatch(stored: try store.genesisHash() ?? .zero, expected: first.block.header.hash)
            }
            guard let headBlock = try store.block(number: number), headBlock.header.hash == hash else {
                throw .corrupt("head block \(number) is missing or does not match the head pointer")
            }
            let (loaded, leaves) = try store.loadState(system: first.state.system)
            var loadedTree: StateTree
            do { loadedTree = try StateTree(sortedLeaves: leaves) } catch { throw .corrupt("state leaves: \(error)") }
            let root = loadedTree.commit()
            guard root == headBlock.header.stateRoot else {
                throw .stateRootMismatch(head: number, computed: root, header: headBlock.header.stateRoot)
            }
            state = loaded
            tree = loadedTree
            head = headBlock.header
            (tipNumber, tipTimestamp) = (head.number, head.timestamp)
            logger.info("resumed chain", metadata: ["head": "\(number)", "hash": "\(hash)", "stateRoot": "\(root)"])
        } else {
            try store.commit(first.block, receipts: [], stateChanges: first.changes)
            state = first.state
            tree = first.tree
            head = first.block.header
            (tipNumber, tipTimestamp) = (head.number, head.timestamp)
            logger.info("initialised chain from genesis", metadata: ["chainId": "\(genesis.chainId)", "genesis": "\(first.block.header.hash)"])
        }
    }

    /// Block 0 of a genesis: its state, tree and header.
    static func genesisBlock(_ genesis: Genesis) -> (state: WorldState, tree: StateTree, block: Block, changes: [(StateKey, [UInt8]?)]) {
        var state = WorldState(genesis: genesis)
        var tree = StateTree()
        let changes = apply(state.takeDirtyKeys(), of: state, to: &tree)
        let header = BlockHeader(
            parentHash: .zero, coinbase: genesis.sequencer, stateRoot: tree.commit(), transactionsRoot: OrderedMerkleRoot.empty,
            receiptsRoot: OrderedMerkleRoot.empty, logsBloom: LogsBloom(), number: 0, gasLimit: genesis.gasLimit, gasUsed: 0,
            timestamp: genesis.timestamp, extraData: genesisCommitment(genesis).bytes)
        return (state, tree, Block(header: header, transactions: []), changes)
    }

    /// What block 0's `extraData` holds: keccak256(rlp([chainId, blockIntervalMs,
    /// sequencer, name])), the genesis settings that live outside the state, so that
    /// two chains differing only in those have different genesis hashes.
    static func genesisCommitment(_ genesis: Genesis) -> Bytes32 {
        Keccak256.hash(RLPItem.list([
            .uint(genesis.chainId), .uint(genesis.blockIntervalMs), .bytes(genesis.sequencer.bytes), .bytes(Array(genesis.name.utf8)),
        ]).encoded)
    }

    /// Writes `keys`' current values into the tree; returns them for storage. A key that
    /// is absent and was absent before (an order placed and filled within the block) is
    /// in neither the tree nor the store, so it writes no deletion.
    private static func apply(_ keys: [StateKey], of state: WorldState, to tree: inout StateTree) -> [(StateKey, [UInt8]?)] {
        keys.compactMap { key in
            let value = state.encodedValue(key)
            if let value {
                tree.update(path: key.path, valueHash: Keccak256.hash(value))
            } else if !tree.remove(path: key.path) {
                return nil
            }
            return (key, value)
        }
    }

    /// Closes the database. Further calls fail.
    public func close() {
        store.close()
    }

    // MARK: Sequencing

    /// Admits a transaction whose sender was recovered (recover outside the actor, on
    /// every core, with `signer.verifyAll`). An executable one runs now in the open
    /// block; one with a future nonce waits in the pool. `now` is the wall clock in
    /// seconds, used as the open block's timestamp when this opens it.
    @discardableResult
    public func submit(_ tx: VerifiedTransaction, now: UInt64) throws(TransactionRejection) -> Bytes32 {
        if let failure { throw .refused(reason: "node is stopping: \(failure)") }
        if openHashes.contains(tx.hash) || pool.contains(tx.hash) { throw .alreadyKnown }
        let t = tx.transaction.transaction
        let expected = state.account(tx.sender).nonce
        if t.nonce < expected { throw .nonceTooLow(sender: tx.sender, tx: t.nonce, state: expected) }
        _ = try BlockExecutor.checkStatic(tx, gasLimit: genesis.gasLimit)
        if t.nonce > expected {
            try pool.add(tx)
            return tx.hash
        }
        try execute(tx, now: now)
        promote(tx.sender, now: now)
        return tx.hash
    }

    /// Runs `tx` in the open block; a call that reverts is refused with its reason and
    /// leaves no trace (not even the nonce). Running out of gas is included, status 0.
    private func execute(_ tx: VerifiedTransaction, now: UInt64) throws(TransactionRejection) {
        let t = tx.transaction.transaction
        if openGasUsed + t.gasLimit > genesis.gasLimit {
            // The open block is full: wait for the next one.
            try pool.add(tx)
            return
        }
        if openTransactions.isEmpty { openTimestamp = max(tipTimestamp, now) }
        let context = BlockContext(number: tipNumber + 1, timestamp: openTimestamp, chainId: genesis.chainId)
        if openTransactions.isEmpty { openingLogs += CorporateActions.beginBlock(&state, context).map(LogEncoder.log) }
        let mark = state.checkpoint()
        // The market clock runs before the block's first transaction (and is undone with it).
        let clockLogs = openTransactions.isEmpty ? BlockExecutor.runMarketClock(&state, block: context) : []
        var receipt: Receipt
        do {
            receipt = try BlockExecutor.apply(tx, index: UInt32(openTransactions.count), cumulativeGasUsed: openGasUsed,
                                              state: &state, block: context, gasLimit: genesis.gasLimit)
        } catch {
            state.revert(to: mark)
            throw error
        }
        if openTransactions.isEmpty { receipt = BlockExecutor.prepending(openingLogs + clockLogs, to: receipt) }
        if !receipt.succeeded && !receipt.ranOutOfGas {
            state.revert(to: mark)
            throw .refused(reason: "execution reverted: \(receipt.revertReason)")
        }
        openingLogs.removeAll()
        openTransactions.append(tx.transaction)
        openEncoded.append(tx.transaction.encoded)
        openTransactionHashes.append(tx.hash)
        openReceipts.append(receipt)
        openHashes.insert(tx.hash)
        openGasUsed = receipt.cumulativeGasUsed
    }

    /// Runs the sender's queued transactions that became executable.
    private func promote(_ sender: Address, now: UInt64) {
        while let next = pool.take(sender: sender, nonce: state.account(sender).nonce) {
            do { try execute(next, now: now) } catch {
                logger.debug("dropped queued transaction", metadata: ["hash": "\(next.hash)", "reason": "\(error)"])
                break
            }
            if pool.contains(next.hash) { break }  // the block is full; it waits again
        }
    }

    /// Commits the open block (if any, or an empty one when configured) with its state
    /// root, in one synced batch, and makes it the head. The state half of the work is
    /// done here; the receipts root, the header and the write are the `BlockCommitter`'s,
    /// and meanwhile the actor admits transactions into the next block.
    public func seal(now: UInt64) async throws(ChainStoreError) -> SealedBlock? {
        while sealing { await withCheckedContinuation { sealWaiters.append($0) } }
        if let failure { throw failure }
        guard !openTransactions.isEmpty || configuration.sealsEmptyBlocks else { return nil }
        sealing = true
        defer {
            sealing = false
            let waiters = sealWaiters
            sealWaiters = []
            for waiter in waiters { waiter.resume() }
        }
        let timestamp = openTransactions.isEmpty ? max(tipTimestamp, now) : openTimestamp
        if openTransactions.isEmpty {
            let context = BlockContext(number: tipNumber + 1, timestamp: timestamp, chainId: genesis.chainId)
            CorporateActions.beginBlock(&state, context)
            _ = BlockExecutor.runMarketClock(&state, block: context)
        }
        let changes = Self.apply(state.takeDirtyKeys(), of: state, to: &tree)
        let work = BlockCommitter.SealedWork(
            parent: head, coinbase: genesis.sequencer, stateRoot: tree.commit(), gasLimit: genesis.gasLimit, gasUsed: openGasUsed,
            timestamp: timestamp, transactions: openTransactions, rawTransactions: openEncoded,
            transactionHashes: openTransactionHashes, receipts: openReceipts, stateChanges: changes, markets: marketsAsLeft())
        (tipNumber, tipTimestamp) = (head.number + 1, timestamp)
        (committingTransactions, committingReceipts) = (openTransactions, openReceipts)
        // Fresh arrays, as large as the last block's: the sealed ones now belong to the committer.
        let capacity = openTransactions.count
        openTransactions = []
        openTransactions.reserveCapacity(capacity)
        openEncoded = []
        openEncoded.reserveCapacity(capacity)
        openTransactionHashes = []
        openTransactionHashes.reserveCapacity(capacity)
        openReceipts = []
        openReceipts.reserveCapacity(capacity)
        openHashes.removeAll(keepingCapacity: true)
        openingLogs.removeAll()
        openGasUsed = 0
        // Transactions that waited for a full block go into the new one.
        for sender in pool.senders { promote(sender, now: now) }

        let committed = await committer.commit(work)
        committingTransactions = []
        committingReceipts = []
        switch committed {
        case .success(let sealed):
            head = sealed.block.header
            return sealed
        case .failure(let error):
            failure = error
            logger.critical("block commit failed; the node stops taking work", metadata: ["block": "\(head.number + 1)", "error": "\(error)"])
            throw error
        }
    }

    /// Every market as the state now has it, for a sealed block's `markets`.
    private func marketsAsLeft() -> [UInt32: MarketView] {
        state.markets.mapValues { MarketView($0, depth: SealedBlock.marketDepth) }
    }

    /// Pending transactions: executed in the open block, and waiting in the pool.
    public var pendingCount: (open: Int, queued: Int) { (openTransactions.count, pool.count) }

    // MARK: Replay

    /// Re-executes a block of the sequencer and commits it if every root and the hash
    /// agree; otherwise nothing changes and the mismatch is reported.
    public func importBlock(_ block: Block) throws(BlockImportError) -> SealedBlock {
        try importBlock(block, verified: Self.verifyTransactions(of: block, signer: signer))
    }

    /// Recovers the senders of a block's transactions on every core; call it outside
    /// the actor to overlap recovery with the import of the previous block.
    public static func verifyTransactions(of block: Block, signer: TransactionSigner) throws(BlockImportError) -> [VerifiedTransaction] {
        var verified: [VerifiedTransaction] = []
        verified.reserveCapacity(block.transactions.count)
        for (i, result) in signer.verifyAll(block.transactions).enumerated() {
            switch result {
            case .success(let tx): verified.append(tx)
            case .failure(let error): throw .badSignature(index: i, error)
            }
        }
        return verified
    }

    /// `importBlock` with the block's transactions already recovered
    /// (`verifyTransactions(of:signer:)`), in block order.
    public func importBlock(_ block: Block, verified: [VerifiedTransaction]) throws(BlockImportError) -> SealedBlock {
        guard openTransactions.isEmpty, !sealing else { throw .sequencerHasOpenBlock }
        let header = block.header
        guard header.number == head.number + 1, header.parentHash == head.hash else {
            throw .notNext(number: header.number, parentHash: header.parentHash, head: head.number, headHash: head.hash)
        }
        guard verified.count == block.transactions.count else {
            throw .mismatch(field: "transaction count", block: String(block.transactions.count), computed: String(verified.count))
        }
        // The body must be the one the header commits to before anything runs: a
        // transaction altered in transit changes its hash, so this root catches it.
        let transactionsRoot = Block.transactionsRoot(hashes: verified.map(\.hash))
        guard transactionsRoot == header.transactionsRoot else {
            throw .mismatch(field: "transactionsRoot", block: header.transactionsRoot.hex, computed: transactionsRoot.hex)
        }
        let mark = state.checkpoint()
        let receipts: [Receipt]
        do {
            receipts = try BlockExecutor.execute(verified, state: &state, block: BlockContext(number: header.number, timestamp: header.timestamp, chainId: genesis.chainId),
                                                 gasLimit: header.gasLimit)
        } catch {
            state.revert(to: mark)
            _ = state.takeDirtyKeys()
            throw .execution(error)
        }
        let keys = state.dirtyKeys
        let changes = Self.apply(keys, of: state, to: &tree)
        let root = tree.commit()
        var bloom = LogsBloom()
        for r in receipts { bloom.formUnion(r.bloom) }
        let receiptsRoot = Receipt.root(receipts)
        let checks: [(String, String, String)] = [
            ("stateRoot", header.stateRoot.hex, root.hex),
            ("receiptsRoot", header.receiptsRoot.hex, receiptsRoot.hex),
            ("gasUsed", String(header.gasUsed), String(receipts.last?.cumulativeGasUsed ?? 0)),
            ("logsBloom", Hex.encode(header.logsBloom.bytes), Hex.encode(bloom.bytes)),
        ]
        if let bad = checks.first(where: { $0.1 != $0.2 }) {
            // Undo the state and the tree: rewind the journal, then rewrite the same keys.
            state.revert(to: mark)
            _ = Self.apply(keys, of: state, to: &tree)
            _ = tree.commit()
            _ = state.takeDirtyKeys()
            throw .mismatch(field: bad.0, block: bad.1, computed: bad.2)
        }
        _ = state.takeDirtyKeys()
        do {
            try store.commit(header: header, rawTransactions: verified.map(\.transaction.encoded), transactionHashes: verified.map(\.hash),
                             receipts: receipts, stateChanges: changes)
        } catch {
            failure = error
            throw .storage(error)
        }
        head = header
        (tipNumber, tipTimestamp) = (head.number, head.timestamp)
        return SealedBlock(block: Block(header: header, transactions: verified.map(\.transaction)), receipts: receipts, markets: marketsAsLeft())
    }

    // MARK: Reads

    /// A committed block by number.
    public func block(number: UInt64) throws(ChainStoreError) -> Block? { try store.block(number: number) }

    /// A committed transaction's receipt.
    public func receipt(transaction hash: Bytes32) throws(ChainStoreError) -> Receipt? {
        guard let (number, index) = try store.transactionLocation(hash: hash) else { return nil }
        return try store.receipt(number: number, index: index)?.receipt
    }

    /// Runs a call against the current state without keeping any of its effects
    /// (`eth_call`): the output, or the revert.
    public func call(from: Address, to: Address, data: [UInt8], now: UInt64) throws(Revert) -> [UInt8] {
        let mark = state.isolatingCheckpoint()
        defer { state.revert(to: mark) }
        let context = BlockContext(number: tipNumber + 1, timestamp: max(tipTimestamp, now), chainId: genesis.chainId)
        CorporateActions.beginBlock(&state, context)
        return try CallDispatcher.call(&state, sender: from, to: to, data: data, block: context).output
    }
}
