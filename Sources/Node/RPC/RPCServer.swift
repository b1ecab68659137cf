import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle

/// The node's JSON-RPC server (Hummingbird 2): JSON-RPC 2.0 over HTTP `POST /` (single
/// and batch) and over WebSocket on the same port, `GET /health` and `GET /metrics`.
///
/// A `Service`: on graceful shutdown it stops accepting connections and lets the
/// requests in flight finish before `run()` returns.
public struct RPCServer: Service {
    public let chain: Chain
    public let broadcast: BlockBroadcast
    public let configuration: RPCConfiguration
    public let metrics: RPCMetrics
    /// A sequencer's signed block feed (`/feed`, `equity_getBlocksRange`), when it has its key.
    public let feed: BlockFeed?
    /// A follower's progress (reported by `/health`) and where it forwards transactions.
    public let follower: FollowerStatus?
    public let relay: TransactionRelay?
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    /// `onListening` receives the bound port once the server accepts connections (useful with port 0).
    public init(chain: Chain, broadcast: BlockBroadcast, configuration: RPCConfiguration, logger: Logger,
                metrics: RPCMetrics = RPCMetrics(), feed: BlockFeed? = nil, follower: FollowerStatus? = nil, relay: TransactionRelay? = nil,
                onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.chain = chain
        self.broadcast = broadcast
        self.configuration = configuration
        self.metrics = metrics
        self.feed = feed
        self.follower = follower
        self.relay = relay
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        let api = NodeAPI(chain: chain, configuration: configuration, feed: feed, relay: relay, follower: follower)
        let dispatcher = RPCDispatcher(api: api, metrics: metrics)
        let router = Router()
        let limit = configuration.maxBodyBytes
        router.post("/") { request, _ -> Response in
            await Self.serve(request, dispatcher: dispatcher, limit: limit)
        }
        router.get("/feed") { [feed] request, _ -> Response in
            Self.feedRefusal(feed, path: request.uri.description)
        }
        let follower = self.follower
        router.get("/health") { _, _ -> Response in
            await Self.health(chain, follower: follower)
        }
        router.get("/metrics") { [metrics, chain] _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: await metrics.exposition(chain: chain))))
        }
        let broadcast = self.broadcast
        let subscriptionLimit = configuration.maxSubscriptionsPerConnection
        let webSocket = HTTP1WebSocketUpgradeChannel.Configuration(ws: .init(maxFrameSize: min(limit, 1 << 24)))
        let onListening = self.onListening
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(configuration: webSocket) { [feed] request, _, _ in
                if let start = BlockFeed.start(path: request.path ?? "/") {
                    return Self.feedUpgrade(feed, start: start, broadcast: broadcast)
                }
                return .upgrade([:]) { inbound, outbound, _ in
                    let session = WebSocketSession(dispatcher: dispatcher, maxSubscriptions: subscriptionLimit)
                    try await session.run(inbound: inbound, outbound: outbound, blocks: broadcast.subscribe(), maxMessageBytes: limit)
                }
            },
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "EquityChain"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Block metrics follow the committed blocks.
            let blocks = broadcast.subscribe()
            group.addTask { [metrics] in
                for await block in blocks { metrics.committed(block) }
            }
            try await app.run()
            group.cancelAll()
        }
    }

    /// Answers one HTTP JSON-RPC request; a body over the limit is HTTP 413 with a
    /// JSON-RPC error, read no further than the limit.
    static func serve(_ request: Request, dispatcher: RPCDispatcher, limit: Int) async -> Response {
        let tooLarge = Response(
            status: .contentTooLarge, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: RPCDispatcher.envelope(
                id: .null, .failure(RPCError(code: -32600, message: "request body too large: more than \(limit) bytes (the limit is \(limit))"))))))
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { return tooLarge }
        var body: [UInt8] = []
        do {
            for try await chunk in request.body {
                guard body.count + chunk.readableBytes <= limit else { return tooLarge }
                body.append(contentsOf: chunk.readableBytesView)
            }
        } catch {
            return Response(status: .badRequest, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: RPCDispatcher.envelope(id: .null, .failure(.parse("the request body could not be read: \(error)"))))))
        }
        let answer = await dispatcher.respond(to: body)
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: answer ?? [])))
    }

    /// `/health`: the head, its age, syncing (always false: a sequencer is the source),
    /// and what waits to be committed; on a follower, its sync state (`FollowerHealth`).
    static func health(_ chain: Chain, follower: FollowerStatus?) async -> Response {
        if let follower { return await FollowerHealth.response(chain, follower: follower.snapshot) }
        return await health(chain)
    }

    static func health(_ chain: Chain) async -> Response {
        let pending = await chain.pendingCount
        var fields = await headFields(chain)
        fields["status"] = .string("ok")
        fields["syncing"] = .bool(false)
        fields["pendingTransactions"] = .unsigned(UInt64(pending.open + pending.queued))
        return json(.ok, .object(fields))
    }

    /// The chain id and the committed head: number, hash, timestamp and age in seconds.
    static func headFields(_ chain: Chain) async -> [String: JSONValue] {
        let head = await chain.head
        let now = BlockProducer.unixSeconds()
        return [
            "chainId": .unsigned(chain.genesis.chainId),
            "head": .unsigned(head.number),
            "headHash": .hash(head.hash),
            "headTimestamp": .unsigned(head.timestamp),
            "headAgeSeconds": .unsigned(now > head.timestamp ? now - head.timestamp : 0),
        ]
    }

    static func json(_ status: HTTPResponse.Status, _ body: JSONValue) -> Response {
        var writer = JSONWriter()
        writer.write(body)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }
}
