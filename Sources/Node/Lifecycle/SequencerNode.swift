import Logging
import ServiceLifecycle

/// A sequencer node: the chain, its block loop and its RPC server, run together.
///
/// On graceful shutdown (SIGINT/SIGTERM in `equity-node`) the parts stop in order:
/// the RPC server first (requests in flight finish), then the block loop (the open
/// block is sealed), then the database closes.
public struct SequencerNode: Service {
    public let chain: Chain
    public let broadcast: BlockBroadcast
    public let server: RPCServer
    public let blockInterval: Duration
    let logger: Logger

    /// With `feedSigner` (the genesis sequencer's key) the node publishes the signed
    /// block feed that followers replay (`/feed`, `equity_getBlocksRange`).
    public init(chain: Chain, rpc: RPCConfiguration, blockInterval: Duration, logger: Logger, feedSigner: BlockFeedSigner? = nil,
                onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.chain = chain
        self.broadcast = BlockBroadcast()
        self.server = RPCServer(chain: chain, broadcast: broadcast, configuration: rpc, logger: logger,
                                feed: feedSigner.map { BlockFeed(chain: chain, signer: $0) }, onListening: onListening)
        self.blockInterval = blockInterval
        self.logger = logger
    }

    public func run() async throws {
        let sequencer = SequencerService(producer: BlockProducer(chain: chain, broadcast: broadcast, interval: blockInterval, logger: logger))
        // A service group shuts its services down in reverse order: the server first.
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: sequencer, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup),
                .init(service: server, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup),
            ],
            logger: logger))
        try await group.run()
    }
}
