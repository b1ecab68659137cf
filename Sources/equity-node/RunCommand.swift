import ArgumentParser
import Foundation
import Node

/// `equity-node run`: serves the chain `init` created.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the sequencer and JSON-RPC server of a chain created with `equity-node init`.",
        discussion: """
            Opens DIR/chain with the genesis in DIR/genesis.json, checks that the stored state \
            matches the head block's state root, and resumes at the committed head. SIGINT or \
            SIGTERM stops it cleanly.
            """)

    @Option(name: .long, help: "The data directory `equity-node init` created.")
    var datadir: String

    @Option(name: .long, help: "Address and port of the JSON-RPC server (HTTP and WebSocket).")
    var rpc: RPCAddress = RPCAddress(argument: "127.0.0.1:8545")!

    @Option(name: .long, help: "Block interval in milliseconds (default: the genesis's blockIntervalMs).")
    var blockTimeMs: UInt64?

    @Flag(name: .long, help: "Accept a genesis that funds or gives roles to the public dev accounts (development chains only).")
    var allowDevKeys = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let ms = blockTimeMs, !(1...60_000).contains(ms) { throw ValidationError("--block-time-ms must be from 1 to 60000") }
    }

    func run() async throws {
        let logger = logging.bootstrap()
        let directory = DataDirectory(path: datadir)
        guard FileManager.default.fileExists(atPath: directory.genesisFile.path), directory.hasChain else {
            throw NodeStartError("\(datadir) holds no chain; create one with `equity-node init --genesis FILE --datadir \(datadir)`")
        }
        let genesis = try Genesis.load(contentsOf: directory.genesisFile)
        try DevKeyPolicy.check(genesis, allowed: allowDevKeys)
        let chain = try Chain(genesis: genesis, path: directory.chainPath, logger: logger)
        let config = RPCConfiguration(host: rpc.host, port: rpc.port)
        let interval = Duration.milliseconds(Int64(blockTimeMs ?? genesis.blockIntervalMs))
        let chainId = genesis.chainId
        try await NodeLauncher.run(chain: chain, rpc: config, blockInterval: interval, logger: logger) { port in
            logger.notice("serving JSON-RPC", metadata: ["url": "http://\(config.host):\(port)", "chainId": "\(chainId)"])
        }
    }
}
