import Logging
import Node
import ServiceLifecycle

/// Runs a sequencer node until SIGINT or SIGTERM, then stops it cleanly: requests in
/// flight finish, the open block is sealed, the database closes.
enum NodeLauncher {
    static func run(chain: Chain, rpc: RPCConfiguration, blockInterval: Duration, logger: Logger,
                    onListening: @escaping @Sendable (Int) async -> Void) async throws {
        let node = SequencerNode(chain: chain, rpc: rpc, blockInterval: blockInterval, logger: logger, onListening: onListening)
        let group = ServiceGroup(configuration: .init(services: [node], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
