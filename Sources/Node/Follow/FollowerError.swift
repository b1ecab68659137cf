/// Why a follower could not reach or read its sequencer. These are retried with
/// backoff; a block that fails verification halts the follower instead (`FollowerHalt`).
public enum FollowerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The follower's settings are unusable (a bad `--follow` URL).
    case configuration(String)
    /// The sequencer could not be reached, or answered something other than the feed.
    case transport(String)

    public var description: String {
        switch self {
        case .configuration(let detail): return detail
        case .transport(let detail): return detail
        }
    }
}
