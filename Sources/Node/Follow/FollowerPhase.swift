/// What a follower is doing, as `/health` reports it (`follower.state`).
public enum FollowerPhase: String, Sendable, Equatable {
    /// Not yet in touch with the sequencer.
    case connecting
    /// Fetching committed blocks in batches over JSON-RPC (`equity_getBlocksRange`).
    case catchingUp
    /// Applying blocks from the live WebSocket feed.
    case following
    /// The sequencer could not be reached or the feed broke; retrying with backoff.
    case reconnecting
    /// A block failed verification; nothing more is applied (see `FollowerHalt`).
    case halted
}
