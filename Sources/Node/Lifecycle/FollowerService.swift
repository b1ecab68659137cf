import Logging
import ServiceLifecycle

/// The follower's sync loop as a `Service`: follows the sequencer until graceful
/// shutdown, then ends the node's block stream and closes the database. A halted
/// follower stays up (serving what it verified) until it is stopped.
public struct FollowerService: Service {
    public let follower: Follower

    public init(follower: Follower) {
        self.follower = follower
    }

    public func run() async throws {
        let head = await follower.chain.head.number
        follower.status.update { $0.head = head }
        await cancelWhenGracefulShutdown { await follower.run() }
        if follower.status.snapshot.halt != nil { try? await gracefulShutdown() }
        follower.broadcast.finish()
        await follower.chain.close()
        let stopped = await follower.chain.head.number
        follower.logger.info("follower stopped; database closed", metadata: ["head": "\(stopped)"])
    }
}
