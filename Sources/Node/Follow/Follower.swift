import Foundation
import Logging

/// A follower: replays the sequencer's signed block feed into its own chain and serves
/// what it has verified.
///
/// Each block is checked before anything of it is applied: the message's chain id,
/// its hash against the header, the sequencer's signature against the genesis
/// sequencer, every transaction's signature; then `Chain.importBlock` checks the
/// transactions root, re-executes the block and commits it only if the state root,
/// receipts root, gas used and bloom all match (one synced batch per block, so a
/// SIGKILLed follower resumes at its last committed block). A block that fails any
/// check halts the follower: it logs at `critical`, reports the halt in `/health` and
/// `equitychain_follower_halted`, applies nothing more, and keeps serving.
///
/// Sync: batches of `equity_getBlocksRange` over HTTP until the sequencer's head, then
/// the WebSocket feed from the next block (the sequencer sends stored blocks first, so
/// nothing committed in between is missed; a block already applied is dropped after
/// its hash is compared). A broken connection is retried with exponential backoff.
public struct Follower: Sendable {
    public let chain: Chain
    public let endpoint: SequencerEndpoint
    /// Imported blocks are published here (the node's own subscriptions and metrics).
    public let broadcast: BlockBroadcast
    public let status: FollowerStatus
    let logger: Logger

    /// Blocks asked for per `equity_getBlocksRange` while catching up.
    public let batchSize: UInt64
    public static let defaultBatchSize: UInt64 = 128
    /// The first retry delay; doubled after each failure up to `maximumBackoff`, reset
    /// once a block is applied.
    public static let initialBackoff = Duration.milliseconds(250)
    public static let maximumBackoff = Duration.seconds(30)

    public init(chain: Chain, endpoint: SequencerEndpoint, broadcast: BlockBroadcast, status: FollowerStatus, logger: Logger,
                batchSize: UInt64 = Follower.defaultBatchSize) {
        self.chain = chain
        self.batchSize = max(1, batchSize)
        self.endpoint = endpoint
        self.broadcast = broadcast
        self.status = status
        self.logger = logger
    }

    /// What became of one feed message.
    public enum Outcome: Sendable, Equatable {
        /// Verified and committed: the new head.
        case applied(UInt64)
        /// A block already applied, with the same hash: dropped.
        case duplicate(UInt64)
        /// Refused: the follower is halted.
        case halted(FollowerHalt)
    }

    /// A message decoded and checked as far as can be done outside the chain actor.
    enum Preparation: Sendable {
        case ready(BlockFeedMessage, [VerifiedTransaction])
        case refused(block: UInt64?, reason: String)
    }

    // MARK: Sync loop

    /// Follows the sequencer until the task is cancelled or a block is refused.
    public func run() async {
        let start = await chain.head.number
        logger.info("following the sequencer", metadata: ["sequencer": "\(endpoint)", "head": "\(start)"])
        var backoff = Self.initialBackoff
        while !Task.isCancelled {
            let before = await chain.head.number
            do {
                try await catchUp()
                try await followLive()
                throw FollowerError.transport("the sequencer closed the feed")
            } catch is Halted {
                return
            } catch {
                guard !Task.isCancelled else { return }
                if await chain.head.number > before { backoff = Self.initialBackoff }
                logger.warning("sequencer connection lost; retrying", metadata: [
                    "sequencer": "\(endpoint)", "error": "\(error)", "retryIn": "\(backoff)",
                ])
                status.update {
                    $0.phase = .reconnecting
                    $0.lastError = "\(error)"
                }
                status.metrics?.reconnected()
            }
            try? await Task.sleep(for: backoff)
            backoff = min(backoff * 2, Self.maximumBackoff)
        }
    }

    /// Thrown inside the loop once the follower halts.
    struct Halted: Error {}

    /// Applies committed blocks in batches over JSON-RPC until the sequencer's head.
    func catchUp() async throws {
        while true {
            let from = await chain.head.number + 1
            let (head, messages) = try await endpoint.blocksRange(from: from, count: batchSize)
            status.update {
                $0.phase = .catchingUp
                $0.sequencerHead = head
                $0.lastError = nil
            }
            guard !messages.isEmpty else { return }
            if try await applyBatch(messages) != nil { throw Halted() }
            if await chain.head.number >= head { return }
        }
    }

    /// Applies the live feed from the next block until the connection ends.
    func followLive() async throws {
        let from = await chain.head.number + 1
        status.update { $0.phase = .following }
        try await FeedConnection.run(host: endpoint.host, port: endpoint.port, path: "/feed?from=\(from)") { bytes in
            if case .halted = try await apply(bytes) { throw Halted() }
        }
    }

    /// Applies consecutive messages (a catch-up batch), preparing the next one (decoding,
    /// signature checks, sender recovery on every core) while the chain imports the
    /// current one. Stops at a refused message and returns the halt (nil when every
    /// message was applied or already known); throws `FollowerError` at a gap.
    @discardableResult
    public func applyBatch(_ messages: [[UInt8]]) async throws(FollowerError) -> FollowerHalt? {
        guard let first = messages.first else { return nil }
        var next: Task<Preparation, Never>? = prepareDetached(first)
        for i in messages.indices {
            guard let preparing = next else { break }
            let current = await preparing.value
            next = i + 1 < messages.count ? prepareDetached(messages[i + 1]) : nil
            if case .halted(let halt) = try await commit(current) {
                next?.cancel()
                return halt
            }
        }
        return nil
    }

    private func prepareDetached(_ bytes: [UInt8]) -> Task<Preparation, Never> {
        let chainId = chain.genesis.chainId, sequencer = chain.genesis.sequencer, signer = chain.signer
        return Task.detached { Self.prepare(bytes, chainId: chainId, sequencer: sequencer, signer: signer) }
    }

    // MARK: One message

    /// Verifies and applies one feed message. Throws only when the message is ahead of
    /// the next block (a gap: the caller catches up again); a message that fails
    /// verification halts the follower and leaves its chain as it was.
    public func apply(_ bytes: [UInt8]) async throws(FollowerError) -> Outcome {
        try await commit(Self.prepare(bytes, chainId: chain.genesis.chainId, sequencer: chain.genesis.sequencer, signer: chain.signer))
    }

    /// Decodes a message, checks its chain, hash and sequencer signature, and recovers
    /// its transactions' senders (on every core).
    static func prepare(_ bytes: [UInt8], chainId: UInt64, sequencer: Address, signer: TransactionSigner) -> Preparation {
        let message: BlockFeedMessage
        do { message = try BlockFeedMessage(encoded: bytes) } catch { return .refused(block: nil, reason: error.description) }
        do { try message.verify(chainId: chainId, sequencer: sequencer) } catch {
            return .refused(block: message.number, reason: error.description)
        }
        do { return .ready(message, try Chain.verifyTransactions(of: message.block, signer: signer)) } catch {
            return .refused(block: message.number, reason: error.description)
        }
    }

    /// Imports a prepared message, or halts.
    func commit(_ preparation: Preparation) async throws(FollowerError) -> Outcome {
        if let halt = status.snapshot.halt { return .halted(halt) }
        let head = await chain.head
        switch preparation {
        case .refused(let block, let reason):
            return halt(FollowerHalt(block: block ?? head.number + 1, reason: reason))
        case .ready(let message, let transactions):
            if message.number <= head.number {
                let stored: BlockHeader?
                do { stored = try chain.store.header(number: message.number) } catch {
                    return halt(FollowerHalt(block: message.number, reason: "cannot read the verified block to compare: \(error)"))
                }
                guard let stored, stored.hash == message.hash else {
                    return halt(FollowerHalt(block: message.number, reason:
                        "the sequencer signed hash \(message.hash) for block \(message.number), which this node verified with hash \(stored?.hash.hex ?? "none")"))
                }
                return .duplicate(message.number)
            }
            guard message.number == head.number + 1 else {
                throw .transport("the feed jumped from block \(head.number) to \(message.number)")
            }
            let sealed: SealedBlock
            do { sealed = try await chain.importBlock(message.block, verified: transactions) } catch {
                return halt(FollowerHalt(block: message.number, reason: error.description))
            }
            broadcast.publish(sealed)
            status.update {
                $0.head = message.number
                $0.sequencerHead = max($0.sequencerHead ?? 0, message.number)
            }
            return .applied(message.number)
        }
    }

    private func halt(_ halt: FollowerHalt) -> Outcome {
        let verified = status.snapshot.head
        status.update {
            $0.phase = .halted
            $0.halt = halt
        }
        logger.critical("FOLLOWER HALTED: the sequencer's block failed verification; nothing more is applied", metadata: [
            "block": "\(halt.block)", "reason": "\(halt.reason)", "servingVerifiedHead": "\(verified)",
            "action": "keep this node's data, compare with other followers, contact the sequencer operator, then restart",
        ])
        return .halted(halt)
    }
}
