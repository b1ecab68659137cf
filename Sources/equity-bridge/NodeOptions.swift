import ArgumentParser
import Bridge

/// `--node URL`: overrides the node URL recorded by `init`.
struct NodeOptions: ParsableArguments {
    @Option(name: .long, help: "The node's JSON-RPC URL (http://HOST:PORT); default: the one recorded by init.")
    var node: String?

    func client(_ configuration: BridgeConfiguration) throws(BridgeError) -> NodeRPCClient {
        do { return try NodeRPCClient(url: node ?? configuration.nodeURL) } catch { throw .node(error) }
    }
}
