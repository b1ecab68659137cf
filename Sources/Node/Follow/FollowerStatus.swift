import Synchronization

/// A follower's progress, shared between its sync loop and the RPC server's `/health`
/// and `/metrics`.
public final class FollowerStatus: Sendable {
    /// What `/health` reports under `follower`.
    public struct Snapshot: Sendable, Equatable {
        public var phase: FollowerPhase = .connecting
        /// The sequencer's URL.
        public var sequencer: String
        /// The follower's verified, committed head.
        public var head: UInt64
        /// The highest block the sequencer is known to have committed.
        public var sequencerHead: UInt64?
        /// Set once a block fails verification.
        public var halt: FollowerHalt?
        /// The last transport failure, while reconnecting.
        public var lastError: String?
        /// The head when the current round of syncing began (nil while in step).
        public var syncStartedAt: UInt64?

        /// How many blocks the sequencer is ahead (0 when unknown).
        public var lagBlocks: UInt64 {
            guard let sequencerHead, sequencerHead > head else { return 0 }
            return sequencerHead - head
        }

        /// Whether the follower is behind or not yet on the live feed (`/health`'s
        /// `syncing`; `eth_syncing` then answers with its progress). A halted follower
        /// does not sync.
        public var isSyncing: Bool { halt == nil && (phase != .following || lagBlocks > 0) }
    }

    private let state: Mutex<Snapshot>
    public let metrics: FollowerMetrics?

    public init(sequencer: String, head: UInt64, metrics: FollowerMetrics?) {
        state = Mutex(Snapshot(sequencer: sequencer, head: head, syncStartedAt: head))
        self.metrics = metrics
    }

    public var snapshot: Snapshot { state.withLock { $0 } }

    func update(_ change: (inout Snapshot) -> Void) {
        let now = state.withLock { s -> Snapshot in
            change(&s)
            if let head = s.sequencerHead, head < s.head { s.sequencerHead = s.head }
            if !s.isSyncing { s.syncStartedAt = nil } else if s.syncStartedAt == nil { s.syncStartedAt = s.head }
            return s
        }
        metrics?.record(now)
    }
}
