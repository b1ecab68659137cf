import ArgumentParser
import Foundation
import Node

/// `equity-node run`: serves the chain `init` created.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the sequencer (or, with --follow, a follower) and JSON-RPC server of a chain created with `equity-node init`.",
        discussion: """
            Opens DIR/chain with the genesis in DIR/genesis.json, checks that the stored state \
            matches the head block's state root, and resumes at the committed head. SIGINT or \
            SIGTERM stops it cleanly. With --sequencer-key the sequencer publishes the signed \
            block feed; with --follow URL the node replays and verifies the sequencer's feed \
            instead of producing blocks (docs/operator-guide.md).
            """)

    @Option(name: .long, help: "The data directory `equity-node init` created.")
    var datadir: String

    @Option(name: .long, help: "Address and port of the JSON-RPC server (HTTP and WebSocket).")
    var rpc: RPCAddress = RPCAddress(argument: "127.0.0.1:8545")!

    @Option(name: .long, help: "Block interval in milliseconds (default: the genesis's blockIntervalMs).")
    var blockTimeMs: UInt64?

    @Flag(name: .long, help: "Accept a genesis that funds or gives roles to the public dev accounts (development chains only).")
    var allowDevKeys = false

    @Option(name: .long, help: "Follow the sequencer at this URL (http://HOST:PORT or ws://HOST:PORT, its RPC port): replay and verify its signed block feed, serve reads, forward transactions to it.")
    var follow: String?

    @Option(name: .long, help: "Blocks a follower asks for per equity_getBlocksRange request while catching up (1-256).")
    var followBatchSize: UInt64 = Follower.defaultBatchSize

    @OptionGroup var sequencerKey: SequencerKeyOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let ms = blockTimeMs, !(1...60_000).contains(ms) { throw ValidationError("--block-time-ms must be from 1 to 60000") }
        if follow != nil, blockTimeMs != nil { throw ValidationError("--block-time-ms is for a sequencer; a follower (--follow) produces no blocks") }
        if !(1...BlockFeed.maxRangeCount).contains(followBatchSize) { throw ValidationError("--follow-batch-size must be from 1 to 256") }
        if follow != nil, sequencerKey.sequencerKey != nil {
            throw ValidationError("--sequencer-key is for the sequencer; a follower (--follow) verifies the feed against the genesis sequencer address")
        }
    }

    func run() async throws {
        let logger = logging.bootstrap()
        let directory = DataDirectory(path: datadir)
        guard FileManager.default.fileExists(atPath: directory.genesisFile.path), directory.hasChain else {
            throw NodeStartError("\(datadir) holds no chain; create one with `equity-node init --genesis FILE --datadir \(datadir)`")
        }
        let genesis = try Genesis.load(contentsOf: directory.genesisFile)
        try DevKeyPolicy.check(genesis, allowed: allowDevKeys)
        let sequencer = try follow.map { url throws(FollowerError) in try SequencerEndpoint(url: url) }
        let feedSigner = try sequencerKey.signer(for: genesis)
        let chain = try Chain(genesis: genesis, path: directory.chainPath, logger: logger)
        let config = RPCConfiguration(host: rpc.host, port: rpc.port)
        let chainId = genesis.chainId
        if let sequencer {
            try await NodeLauncher.follow(chain: chain, rpc: config, sequencer: sequencer, batchSize: followBatchSize, logger: logger) { port in
                logger.notice("serving JSON-RPC", metadata: ["url": "http://\(config.host):\(port)", "chainId": "\(chainId)", "following": "\(sequencer)"])
            }
            return
        }
        let interval = Duration.milliseconds(Int64(blockTimeMs ?? genesis.blockIntervalMs))
        if feedSigner == nil {
            logger.notice("no --sequencer-key: this sequencer publishes no block feed, so no follower can replay it")
        }
        try await NodeLauncher.run(chain: chain, rpc: config, blockInterval: interval, logger: logger, feedSigner: feedSigner) { port in
            logger.notice("serving JSON-RPC", metadata: ["url": "http://\(config.host):\(port)", "chainId": "\(chainId)"])
        }
    }
}
