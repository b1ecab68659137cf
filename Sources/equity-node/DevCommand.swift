import ArgumentParser
import Foundation
import Logging
import Node

/// `equity-node dev`: a sequencer on the embedded devnet genesis, for development.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Start a development sequencer on the embedded devnet genesis (like anvil).",
        discussion: """
            Prints the RPC URL, the chain id, the share tokens and the dev accounts with their \
            private keys and holdings. The keys come from the public test mnemonic: never use \
            them on a chain that holds value. Ctrl-C stops the node cleanly.
            """)

    @Option(name: .long, help: "Data directory. Without it the chain lives in a temporary directory removed on exit; with it the chain is kept and resumed on the next start.")
    var datadir: String?

    @Option(name: .long, help: "Address and port of the JSON-RPC server (HTTP and WebSocket).")
    var rpc: RPCAddress = RPCAddress(argument: "127.0.0.1:8545")!

    @Option(name: .long, help: "Block interval in milliseconds (default: the genesis's, 250).")
    var blockTimeMs: UInt64?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let ms = blockTimeMs, !(1...60_000).contains(ms) { throw ValidationError("--block-time-ms must be from 1 to 60000") }
    }

    func run() async throws {
        let logger = logging.bootstrap()
        let genesis = Genesis.devnet
        let temporary = datadir == nil
        let directory = DataDirectory(path: datadir ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("equity-node-dev-\(UUID().uuidString)").path)
        try directory.create()
        defer { if temporary { try? FileManager.default.removeItem(at: directory.url) } }

        let chain = try Chain(genesis: genesis, path: directory.chainPath, logger: logger)
        let accounts = try DevAccounts.derive(count: DevAccounts.defaultCount)
        let tokens = await chain.tokens()
        var holdings: [[String]] = []
        for account in accounts {
            let positions = await chain.positions(of: account.address).positions
            holdings.append(positions.compactMap { p in
                p.token.map { "\(Amount.format(p.position.balance, decimals: Int($0.decimals))) \($0.symbol)" }
            })
        }
        let head = await chain.head.number
        let held = holdings
        let config = RPCConfiguration(host: rpc.host, port: rpc.port)
        let interval = Duration.milliseconds(Int64(blockTimeMs ?? genesis.blockIntervalMs))
        let storage = temporary ? "\(directory.url.path) (temporary)" : directory.url.path
        // The devnet's sequencer is a dev account: its public key signs the block feed.
        let feedSigner = try accounts.first { $0.address == genesis.sequencer }.map { try BlockFeedSigner(key: $0.privateKey, genesis: genesis) }
        try await NodeLauncher.run(chain: chain, rpc: config, blockInterval: interval, logger: logger, feedSigner: feedSigner) { port in
            Self.printBanner(genesis: genesis, host: config.host, port: port, tokens: tokens, accounts: accounts,
                             holdings: held, storage: storage, head: head, interval: interval)
        }
    }

    static func printBanner(genesis: Genesis, host: String, port: Int, tokens: [(address: Address, token: TokenState)],
                            accounts: [DevAccount], holdings: [[String]], storage: String, head: UInt64, interval: Duration) {
        var out = """

            EquityChain dev node — \(genesis.name)

            Chain ID:        \(genesis.chainId)
            RPC (HTTP):      http://\(host):\(port)
            RPC (WebSocket): ws://\(host):\(port)
            Health:          http://\(host):\(port)/health
            Block feed:      ws://\(host):\(port)/feed (followers: equity-node run --follow http://\(host):\(port))
            Block interval:  \(interval)
            Data directory:  \(storage)
            Head block:      \(head)

            Tokens
            ==================

            """
        for (address, token) in tokens {
            let ids = token.kind == .share ? "  ISIN \(token.isin)  CUSIP \(token.cusip)" : ""
            out += "\(token.symbol.padding(toLength: 6, withPad: " ", startingAt: 0)) \(address)  \(token.decimals) decimals\(ids)  \(token.name)\n"
        }
        out += """

            Dev accounts (test mnemonic: \(DevAccounts.mnemonic))
            PUBLIC KEYS — never use them on a chain that holds value.
            ==================

            """
        for (account, held) in zip(accounts, holdings) {
            var roles: [String] = []
            if account.address == genesis.roles.issuer { roles.append("issuer") }
            if account.address == genesis.roles.custodian { roles.append("custodian") }
            if account.address == genesis.roles.compliance { roles.append("compliance officer") }
            if account.address == genesis.sequencer { roles.append("sequencer") }
            let role = roles.isEmpty ? "" : "  [\(roles.joined(separator: ", "))]"
            out += "(\(account.index)) \(account.address)\(role)\n    key: \(Hex.encode(account.privateKey.bytes))\n"
            out += "    holds: \(held.isEmpty ? "nothing" : held.joined(separator: ", "))\n"
        }
        out += "\nListening on \(host):\(port). Ctrl-C stops the node.\n"
        // Written straight to the descriptor: a pipe would otherwise buffer the banner.
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
