import ArgumentParser

/// `equity-node`: the EquityChain node.
@main
struct EquityNode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "equity-node",
        abstract: "Run an EquityChain node: a sequencer with an Ethereum-compatible JSON-RPC server.",
        discussion: """
            dev   starts a throwaway dev chain on the embedded devnet genesis (like anvil).
            init  creates a data directory for a chain from a genesis file; run serves it.
            The operator guide is docs/operator-guide.md.
            """,
        subcommands: [DevCommand.self, InitCommand.self, RunCommand.self])
}
