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

extension NodeOptions {
    /// The node client and the custodian's signer for the node's chain: the custodian key of
    /// `bridge`'s data directory, decrypted with the password `password` reads.
    func custodian(_ bridge: ReserveBridge, password: PasswordInput) async throws -> (rpc: NodeRPCClient, signer: CustodianSigner) {
        let rpc = try client(bridge.configuration)
        let key = try bridge.directory.custodianKey(password: try password.read())
        return (rpc, CustodianSigner(key: key, chainId: try await rpc.chainId()))
    }
}
