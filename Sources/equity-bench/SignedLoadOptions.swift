import ArgumentParser

/// The options every `SignedLoadRun` benchmark takes (`rpc`, `onchain-orders`): output
/// form, the genesis's funded accounts, how the load is batched and spread over
/// connections, and the node's block interval.
struct SignedLoadOptions: ParsableArguments {
    @Flag(help: "Print one JSON object of named figures instead of a table.")
    var json = false

    @Option(help: "Funded, verified accounts in the benchmark genesis (a multiple of --connections).")
    var accounts = 4_000

    @Option(help: "eth_sendRawTransaction requests per JSON-RPC batch (the node takes at most 1,000).")
    var batchSize = 1_000

    @Option(help: "Keep-alive HTTP connections sending at once.")
    var connections = 4

    @Option(help: "The node's block interval in milliseconds (default: the genesis's, 250).")
    var blockTimeMs: Int?

    func validate() throws {
        guard accounts >= 2, connections >= 1 else { throw ValidationError("counts must be positive (accounts ≥ 2)") }
        guard (1...1_000).contains(batchSize) else { throw ValidationError("--batch-size must be from 1 to 1000 (the node's batch limit)") }
        guard accounts % connections == 0 else { throw ValidationError("--accounts must be a multiple of --connections, so each sender has one connection") }
    }
}
