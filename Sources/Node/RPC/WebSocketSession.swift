import HummingbirdWebSocket
import Synchronization

/// One WebSocket connection: JSON-RPC requests in, responses and subscription
/// notifications (`newHeads`, `logs`) out, as geth sends them
/// (`{"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":id,"result":…}}`).
public final class WebSocketSession: SubscriptionHost {
    /// What a subscription sends.
    enum Subscription: Sendable {
        case newHeads
        case logs(LogFilter)
    }

    private let dispatcher: RPCDispatcher
    private let limit: Int
    private let subscriptions = Mutex<[String: Subscription]>([:])
    /// The `equity_subscribe` market feeds.
    private let markets: MarketFeeds

    init(dispatcher: RPCDispatcher, maxSubscriptions: Int) {
        self.dispatcher = dispatcher
        self.limit = maxSubscriptions
        self.markets = MarketFeeds(chain: dispatcher.api.chain, limit: maxSubscriptions)
    }

    /// Serves the connection until the client closes it or the server shuts down.
    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, blocks: AsyncStream<SealedBlock>, maxMessageBytes: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await block in blocks {
                    for notification in self.notifications(for: block) {
                        try await outbound.write(.text(String(decoding: notification, as: UTF8.self)))
                    }
                    for notification in await self.markets.notifications(for: block) {
                        try await outbound.write(.text(String(decoding: notification, as: UTF8.self)))
                    }
                }
            }
            for try await message in inbound.messages(maxSize: maxMessageBytes) {
                let body: [UInt8]
                switch message {
                case .text(let text): body = Array(text.utf8)
                case .binary(let buffer): body = Array(buffer.readableBytesView)
                }
                if let response = await dispatcher.respond(to: body, subscriptions: self) {
                    try await outbound.write(.text(String(decoding: response, as: UTF8.self)))
                }
                for notification in markets.takePending() {
                    try await outbound.write(.text(String(decoding: notification, as: UTF8.self)))
                }
            }
            group.cancelAll()
        }
    }

    public func handle(_ method: String, _ p: RPCParameters) async throws(RPCError) -> JSONValue {
        if method.hasPrefix("equity_") { return try await markets.handle(method, p) }
        if method == "eth_unsubscribe" {
            try p.expect(atMost: 1)
            let id = try p.read(0, RPCValue.string)
            return .bool(subscriptions.withLock { $0.removeValue(forKey: id) } != nil)
        }
        try p.expect(atMost: 2)
        let kind = try p.read(0, RPCValue.string)
        let subscription: Subscription
        switch kind {
        case "newHeads":
            guard p.optional(1) == nil else { throw .invalidParams("too many arguments, want at most 1") }
            subscription = .newHeads
        case "logs":
            let filter = try p.readOptional(1, { v throws(RPCValueError) in try LogFilter(json: v) }) ?? LogFilter()
            guard filter.blockHash == nil, filter.fromBlock == nil, filter.toBlock == nil else {
                throw .invalidParams("invalid argument 1: a logs subscription takes address and topics only; it follows new blocks")
            }
            subscription = .logs(filter)
        default:
            throw .invalidParams("no \"\(kind)\" subscription in eth namespace (this node offers newHeads and logs)")
        }
        let id = Self.newIdentifier()
        let added = subscriptions.withLock { subs -> Bool in
            guard subs.count < limit else { return false }
            subs[id] = subscription
            return true
        }
        guard added else { throw .limitExceeded("too many subscriptions on this connection: at most \(limit); unsubscribe first") }
        return .string(id)
    }

    /// A fresh subscription id: 16 random bytes in hex, as geth makes them.
    static func newIdentifier() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = [generator.next(), generator.next()] as [UInt64]
        return Hex.encode(words.flatMap { w in (0..<8).map { UInt8(truncatingIfNeeded: w >> (56 - 8 * $0)) } })
    }

    /// The notifications a committed block gives this connection's subscriptions.
    func notifications(for block: SealedBlock) -> [[UInt8]] {
        let current = subscriptions.withLock { $0 }
        guard !current.isEmpty else { return [] }
        let header = block.block.header
        let hash = header.hash
        var logs: [(Log, LogObject.Position)]?
        var out: [[UInt8]] = []
        for (id, subscription) in current.sorted(by: { $0.key < $1.key }) {
            switch subscription {
            case .newHeads:
                out.append(Self.notification(id, .object(BlockObject.header(header))))
            case .logs(let filter):
                guard filter.mayMatch(header.logsBloom) else { continue }
                if logs == nil { logs = LogObject.positioned(header, hash: hash, receipts: block.receipts) }
                for (log, position) in logs ?? [] where filter.matches(log) {
                    out.append(Self.notification(id, LogObject.json(log, at: position)))
                }
            }
        }
        return out
    }

    static func notification(_ id: String, _ result: JSONValue, method: String = "eth_subscription") -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("{\"jsonrpc\":\"2.0\",\"method\":")
        writer.write(string: method)
        writer.raw(",\"params\":{\"result\":")
        writer.write(result)
        writer.raw(",\"subscription\":")
        writer.write(string: id)
        writer.raw("}}")
        return writer.bytes
    }
}
