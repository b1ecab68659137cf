/// Where the RPC server listens and the limits it enforces (documented in
/// docs/operator-guide.md). Each limit refuses with a clear error; none crashes or
/// stalls the node.
public struct RPCConfiguration: Sendable {
    /// Interface to bind; `127.0.0.1` keeps the node private to the machine.
    public var host: String
    /// TCP port; 0 picks a free one (tests).
    public var port: Int
    /// Largest request body in bytes (HTTP 413 above it) and largest WebSocket message.
    public var maxBodyBytes: Int
    /// Most requests in one batch.
    public var maxBatchLength: Int
    /// Most blocks one `eth_getLogs` may scan.
    public var maxLogsBlockRange: UInt64
    /// Most logs one `eth_getLogs` may return.
    public var maxLogsResults: Int
    /// Most live subscriptions on one WebSocket connection.
    public var maxSubscriptionsPerConnection: Int
    /// Most blocks `eth_feeHistory` may describe.
    public var maxFeeHistoryBlocks: UInt64
    /// `web3_clientVersion`.
    public var clientVersion: String

    public init(host: String = "127.0.0.1", port: Int = 8545, maxBodyBytes: Int = 5 * 1024 * 1024, maxBatchLength: Int = 1_000,
                maxLogsBlockRange: UInt64 = 10_000, maxLogsResults: Int = 10_000, maxSubscriptionsPerConnection: Int = 100,
                maxFeeHistoryBlocks: UInt64 = 1_024, clientVersion: String = RPCConfiguration.defaultClientVersion) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxBatchLength = maxBatchLength
        self.maxLogsBlockRange = maxLogsBlockRange
        self.maxLogsResults = maxLogsResults
        self.maxSubscriptionsPerConnection = maxSubscriptionsPerConnection
        self.maxFeeHistoryBlocks = maxFeeHistoryBlocks
        self.clientVersion = clientVersion
    }

    /// What `web3_clientVersion` answers by default.
    public static let defaultClientVersion = "EquityChain/v0.1.0/linux/swift6"

    /// Parses `host:port` (as `--rpc` takes it).
    public static func parseAddress(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let host = String(text[..<colon])
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else { return nil }
        return (host, port)
    }
}
