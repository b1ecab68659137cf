import Logging
import ServiceLifecycle

/// A follower node: the chain, the sync loop that replays the sequencer's signed feed
/// into it (`Follower`), and the RPC server, which answers reads from the verified
/// state and forwards `eth_sendRawTransaction` to the sequencer. It produces no blocks.
///
/// On graceful shutdown the RPC server stops first, then the sync loop (a block being
/// imported is committed or not at all), then the database closes.
public struct FollowerNode: Service {
    public let chain: Chain
    public let broadcast: BlockBroadcast
    public let follower: Follower
    public let server: RPCServer
    let logger: Logger

    public init(chain: Chain, rpc: RPCConfiguration, sequencer: SequencerEndpoint, logger: Logger,
                batchSize: UInt64 = Follower.defaultBatchSize, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.chain = chain
        let broadcast = BlockBroadcast()
        self.broadcast = broadcast
        let metrics = RPCMetrics()
        let status = FollowerStatus(sequencer: sequencer.description, head: 0, metrics: FollowerMetrics(registry: metrics.registry))
        follower = Follower(chain: chain, endpoint: sequencer, broadcast: broadcast, status: status, logger: logger, batchSize: batchSize)
        server = RPCServer(chain: chain, broadcast: broadcast, configuration: rpc, logger: logger, metrics: metrics,
                           follower: status, relay: TransactionRelay(sequencer: sequencer), onListening: onListening)
        self.logger = logger
    }

    public func run() async throws {
        // A service group shuts its services down in reverse order: the server first.
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: FollowerService(follower: follower), successTerminationBehavior: .gracefullyShutdownGroup,
                      failureTerminationBehavior: .gracefullyShutdownGroup),
                .init(service: server, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup),
            ],
            logger: logger))
        try await group.run()
    }
}
