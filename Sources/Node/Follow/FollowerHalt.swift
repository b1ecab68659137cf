/// Why a follower stopped applying blocks: the block it refused and the reason. A
/// halted follower keeps serving the state it verified, reports the halt in `/health`
/// (HTTP 503) and `equitychain_follower_halted`, and applies nothing more until an
/// operator restarts it.
public struct FollowerHalt: Sendable, Equatable, CustomStringConvertible {
    /// The block that was refused (for an unreadable message, the block that was expected).
    public let block: UInt64
    public let reason: String

    public init(block: UInt64, reason: String) {
        self.block = block
        self.reason = reason
    }

    public var description: String { "block \(block) refused: \(reason)" }
}
