import ArgumentParser

/// `equity-bridge`: the custodian's bridge between the brokerage custody book and the chain.
@main
struct EquityBridge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "equity-bridge",
        abstract: "Reconcile the custody book with the chain; mint, redeem and attest reserves.",
        subcommands: [])
}
