/// The node's JSON-RPC methods: Ethereum's (`web3_`, `net_`, `eth_`) with the result
/// shapes of ethereum/execution-apis, and the `equity_` namespace (docs/api.md).
///
/// Committed blocks, receipts and lookups are read straight from the store (it is
/// thread-safe), so history queries never wait behind the sequencer; state queries
/// run inside the `Chain` actor and return small values.
public struct NodeAPI: Sendable {
    public let chain: Chain
    public let configuration: RPCConfiguration
    /// The signed block feed, on a sequencer that has its key (`equity_getBlocksRange`).
    public let feed: BlockFeed?
    /// On a follower: where `eth_sendRawTransaction` is forwarded.
    public let relay: TransactionRelay?
    /// On a follower: its sync progress (`eth_syncing`).
    public let follower: FollowerStatus?

    public init(chain: Chain, configuration: RPCConfiguration, feed: BlockFeed? = nil, relay: TransactionRelay? = nil,
                follower: FollowerStatus? = nil) {
        self.chain = chain
        self.configuration = configuration
        self.feed = feed
        self.relay = relay
        self.follower = follower
    }

    /// Every method `call` answers (subscriptions are the WebSocket session's).
    public static let methods: Set<String> = [
        "web3_clientVersion", "web3_sha3", "net_version", "net_listening", "net_peerCount",
        "eth_chainId", "eth_blockNumber", "eth_syncing", "eth_accounts", "eth_getBlockByNumber", "eth_getBlockByHash",
        "eth_getBlockTransactionCountByNumber", "eth_getBlockTransactionCountByHash", "eth_getBalance",
        "eth_getTransactionCount", "eth_gasPrice", "eth_maxPriorityFeePerGas", "eth_feeHistory", "eth_estimateGas",
        "eth_call", "eth_getCode", "eth_sendRawTransaction", "eth_getTransactionByHash", "eth_getTransactionReceipt",
        "eth_getLogs", "equity_assets", "equity_getPosition", "equity_getIdentity", "equity_preTransferCheck",
        "equity_getMarkets", "equity_getOrderBook", "equity_getOrder", "equity_getOpenOrders", "equity_getTrades",
        "equity_getRedemptions", "equity_getDeposit", "equity_getHolders", "equity_getEntitlements", "equity_getReserves",
        "equity_getBlocksRange",
    ]

    /// Runs one method.
    public func call(_ method: String, _ p: RPCParameters) async throws(RPCError) -> JSONValue {
        switch method {
        case "web3_clientVersion":
            try p.expect(atMost: 0)
            return .string(configuration.clientVersion)
        case "web3_sha3":
            try p.expect(atMost: 1)
            return .hash(Keccak256.hash(try p.read(0, RPCValue.data)))
        case "net_version":
            try p.expect(atMost: 0)
            return .string(String(chain.genesis.chainId))
        case "net_listening":
            try p.expect(atMost: 0)
            return .bool(true)
        case "net_peerCount":
            try p.expect(atMost: 0)
            return .quantity(0 as UInt64)
        case "eth_chainId":
            try p.expect(atMost: 0)
            return .quantity(chain.genesis.chainId)
        case "eth_blockNumber":
            try p.expect(atMost: 0)
            return .quantity(await chain.head.number)
        case "eth_syncing":
            try p.expect(atMost: 0)
            return await syncing()
        case "eth_accounts":
            // The node holds no keys: wallets sign.
            try p.expect(atMost: 0)
            return .array([])
        case "eth_gasPrice", "eth_maxPriorityFeePerGas":
            try p.expect(atMost: 0)
            return .quantity(0 as UInt64)
        case "eth_getBlockByNumber": return try await blockByNumber(p)
        case "eth_getBlockByHash": return try await blockByHash(p)
        case "eth_getBlockTransactionCountByNumber": return try await transactionCount(p, byHash: false)
        case "eth_getBlockTransactionCountByHash": return try await transactionCount(p, byHash: true)
        case "eth_feeHistory": return try await feeHistory(p)
        case "eth_getBalance": return try await balance(p)
        case "eth_getTransactionCount": return try await nonce(p)
        case "eth_getCode": return try await code(p)
        case "eth_call": return try await ethCall(p)
        case "eth_estimateGas": return try await estimateGas(p)
        case "eth_sendRawTransaction":
            if let relay { return try await relay.sendRawTransaction(p) }
            let tx = try Self.decodeRawTransaction(p)
            let verified: VerifiedTransaction
            do { verified = try chain.signer.verify(tx) } catch { throw .server(error.description) }
            return try await submit([verified])[0].get()
        case "eth_getTransactionByHash": return try await transactionByHash(p)
        case "eth_getTransactionReceipt": return try await receipt(p)
        case "eth_getLogs": return try await logs(p)
        case "equity_assets": return try await assets(p)
        case "equity_getPosition": return try await position(p)
        case "equity_getIdentity": return try await identity(p)
        case "equity_preTransferCheck": return try await preTransferCheck(p)
        case "equity_getRedemptions": return try await redemptions(p)
        case "equity_getEntitlements": return try await entitlements(p)
        case "equity_getDeposit": return try await deposit(p)
        case "equity_getHolders": return try await holders(p)
        case "equity_getReserves": return try await reserves(p)
        case "equity_getBlocksRange": return try await blocksRange(p)
        case _ where Self.marketMethods.contains(method): return try await marketCall(method, p)
        default: throw .methodNotFound(method)
        }
    }

    /// Wall-clock seconds: the timestamp a block opened now would get.
    static func now() -> UInt64 { BlockProducer.unixSeconds() }

    /// Runs a store read, turning a storage failure into an internal error.
    func stored<T>(_ read: () throws(ChainStoreError) -> T) throws(RPCError) -> T {
        do { return try read() } catch { throw .internalError(error.description) }
    }

    // MARK: Transactions in

    /// Decodes `eth_sendRawTransaction`'s parameter: hex errors are -32602, transaction
    /// decoding errors -32000 with geth's wording (as geth returns them).
    public static func decodeRawTransaction(_ p: RPCParameters) throws(RPCError) -> SignedTransaction {
        try p.expect(atMost: 1)
        let raw = try p.read(0, RPCValue.data)
        do { return try SignedTransaction(raw: raw) } catch { throw .server(error.description) }
    }

    /// Admits recovered transactions in order in one visit to the chain; each result
    /// is the hash or the rejection (-32000, geth's wording).
    public func submit(_ transactions: [VerifiedTransaction]) async -> [Result<JSONValue, RPCError>] {
        await chain.submitAll(transactions, now: Self.now()).map { result in
            switch result {
            case .success(let hash): return .success(.hash(hash))
            case .failure(let rejection): return .failure(.server(rejection.description))
            }
        }
    }
}
