import Logging
import Node
import ServiceLifecycle

/// Runs a sequencer node until SIGINT or SIGTERM, then stops it cleanly: requests in
/// flight finish, the open block is sealed, the database closes.
enum NodeLauncher {
    static func run(chain: Chain, rpc: RPCConfiguration, blockInterval: Duration, logger: Logger, feedSigner: BlockFeedSigner? = nil,
                    onListening: @escaping @Sendable (Int) async -> Void) async throws {
        let node = SequencerNode(chain: chain, rpc: rpc, blockInterval: blockInterval, logger: logger, feedSigner: feedSigner,
                                 onListening: onListening)
        let group = ServiceGroup(configuration: .init(services: [node], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// Runs a follower of `sequencer` until SIGINT or SIGTERM.
    static func follow(chain: Chain, rpc: RPCConfiguration, sequencer: SequencerEndpoint, batchSize: UInt64, logger: Logger,
                       onListening: @escaping @Sendable (Int) async -> Void) async throws {
        let node = FollowerNode(chain: chain, rpc: rpc, sequencer: sequencer, logger: logger, batchSize: batchSize, onListening: onListening)
        let group = ServiceGroup(configuration: .init(services: [node], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
