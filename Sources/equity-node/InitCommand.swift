import ArgumentParser
import Foundation
import Node

/// `equity-node init`: validates a genesis and creates a chain from it in a data directory.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a chain from a genesis file in a data directory.",
        discussion: """
            Validates the genesis (docs/genesis.md), copies it to DIR/genesis.json and commits \
            block 0 into DIR/chain. Refuses a directory that already holds a chain, and a \
            genesis that funds or empowers the public dev accounts unless --allow-dev-keys.
            """)

    @Option(name: .long, help: "The genesis file (JSON, format in docs/genesis.md).")
    var genesis: String

    @Option(name: .long, help: "The data directory to create the chain in.")
    var datadir: String

    @Flag(name: .long, help: "Accept a genesis that funds or gives roles to the public dev accounts (development chains only).")
    var allowDevKeys = false

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap()
        let source = URL(fileURLWithPath: genesis)
        let parsed = try Genesis.load(contentsOf: source)
        try DevKeyPolicy.check(parsed, allowed: allowDevKeys)
        let directory = DataDirectory(path: datadir)
        guard !directory.hasChain else {
            throw NodeStartError("\(datadir) already holds a chain; run it with `equity-node run --datadir \(datadir)` or choose an empty directory")
        }
        try directory.create()
        try Data(contentsOf: source).write(to: directory.genesisFile, options: .atomic)
        let chain = try Chain(genesis: parsed, path: directory.chainPath, logger: logger)
        let head = await chain.head
        await chain.close()
        print("initialised chain \(parsed.chainId) (\(parsed.name)) in \(directory.url.path): genesis block \(head.hash)")
    }
}
