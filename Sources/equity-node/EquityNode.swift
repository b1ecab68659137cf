import ArgumentParser

/// `equity-node`: the EquityChain node.
@main
struct EquityNode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "equity-node",
        abstract: "Run and inspect an EquityChain node.",
        subcommands: [])
}
