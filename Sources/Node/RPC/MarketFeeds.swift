import Synchronization

/// The `equity_subscribe` feeds of one WebSocket connection, per market (docs/api.md):
///
/// - `trades`: every fill of the market in each new block (from its `Trade` logs);
/// - `book`: the L2 book (50 levels a side), a `snapshot` notification right after
///   subscribing, then after each block a `delta` with the levels that changed
///   (quantity "0": the level is gone), numbered by `sequence` from 0 without gaps, so a
///   client that misses one resubscribes;
/// - `phase`: the phase, halt, reference prices and band, on subscribing and whenever
///   they change.
///
/// Notifications are `{"jsonrpc":"2.0","method":"equity_subscription","params":
/// {"subscription":id,"result":…}}`. Book and phase publish each block's markets as the
/// block left them (`SealedBlock.markets`), not as the sequencer has them by then.
final class MarketFeeds: Sendable {
    enum Kind: String, Sendable {
        case trades, book, phase
    }

    struct Feed: Sendable {
        var kind: Kind
        var market: UInt32
        var sequence: UInt64 = 0
        var bids: [MarketView.Level] = []
        var asks: [MarketView.Level] = []
        var session: JSONValue = .null
    }

    static let depth = SealedBlock.marketDepth

    private let chain: Chain
    private let limit: Int
    private let feeds = Mutex<[String: Feed]>([:])
    private let pending = Mutex<[[UInt8]]>([])

    init(chain: Chain, limit: Int) {
        self.chain = chain
        self.limit = limit
    }

    /// `equity_subscribe(kind, market)` and `equity_unsubscribe(id)`.
    func handle(_ method: String, _ p: RPCParameters) async throws(RPCError) -> JSONValue {
        switch method {
        case "equity_unsubscribe":
            try p.expect(atMost: 1)
            let id = try p.read(0, RPCValue.string)
            return .bool(feeds.withLock { $0.removeValue(forKey: id) } != nil)
        case "equity_subscribe":
            try p.expect(atMost: 2)
            let name = try p.read(0, RPCValue.string)
            guard let kind = Kind(rawValue: name) else {
                throw .invalidParams("no \"\(name)\" subscription in equity namespace (this node offers trades, book and phase)")
            }
            let raw = try p.read(1, NodeAPI.number)
            guard let market = UInt32(exactly: raw), let view = await chain.marketView(market, depth: Self.depth) else {
                throw .invalidParams("invalid argument 1: unknown market \(raw); equity_getMarkets lists the markets")
            }
            let id = WebSocketSession.newIdentifier()
            var feed = Feed(kind: kind, market: market)
            let head = await chain.head.number
            var first: JSONValue?
            switch kind {
            case .trades: break
            case .book:
                (feed.bids, feed.asks) = (view.bids, view.asks)
                first = Self.bookSnapshot(view, head: head)
            case .phase:
                feed.session = .object(MarketJSON.session(view))
                first = Self.phaseResult(view, head: head)
            }
            let added = feeds.withLock { all -> Bool in
                guard all.count < limit else { return false }
                all[id] = feed
                return true
            }
            guard added else { throw .limitExceeded("too many market subscriptions on this connection: at most \(limit); unsubscribe first") }
            if let first { pending.withLock { $0.append(Self.notification(id, first)) } }
            return .string(id)
        default:
            throw .methodNotFound(method)
        }
    }

    /// Notifications queued by subscribing (the book snapshot, the current phase), to
    /// send right after the subscription's response.
    func takePending() -> [[UInt8]] {
        pending.withLock { queued in
            defer { queued.removeAll() }
            return queued
        }
    }

    /// What a committed block gives the connection's market feeds.
    func notifications(for block: SealedBlock) async -> [[UInt8]] {
        let current = feeds.withLock { $0 }
        guard !current.isEmpty else { return [] }
        let number = block.block.header.number
        var trades: [UInt32: [JSONValue]] = [:]
        for receipt in block.receipts {
            for log in receipt.logs {
                if let trade = MarketJSON.trade(log, block: number, transaction: receipt.transactionHash) {
                    trades[trade.market, default: []].append(trade.json)
                }
            }
        }
        var views: [UInt32: MarketView] = [:]
        var out: [[UInt8]] = []
        var updated: [String: Feed] = [:]
        for (id, feed) in current.sorted(by: { $0.key < $1.key }) {
            switch feed.kind {
            case .trades:
                for trade in trades[feed.market] ?? [] { out.append(Self.notification(id, trade)) }
            case .book, .phase:
                if views[feed.market] == nil {
                    if let left = block.markets[feed.market] {
                        views[feed.market] = left
                    } else {
                        views[feed.market] = await chain.marketView(feed.market, depth: Self.depth)
                    }
                }
                guard let view = views[feed.market] else { continue }
                var next = feed
                if feed.kind == .book {
                    let changes = Self.changes(side: "buy", from: feed.bids, to: view.bids, lotSize: view.definition.lotSize)
                        + Self.changes(side: "sell", from: feed.asks, to: view.asks, lotSize: view.definition.lotSize)
                    guard !changes.isEmpty else { continue }
                    next.sequence += 1
                    (next.bids, next.asks) = (view.bids, view.asks)
                    out.append(Self.notification(id, .object([
                        "type": .string("delta"), "market": .unsigned(UInt64(feed.market)), "sequence": .unsigned(next.sequence),
                        "blockNumber": .quantity(number), "changes": .array(changes),
                    ])))
                } else {
                    let session = JSONValue.object(MarketJSON.session(view))
                    guard session != feed.session else { continue }
                    next.session = session
                    out.append(Self.notification(id, Self.phaseResult(view, head: number)))
                }
                updated[id] = next
            }
        }
        if !updated.isEmpty {
            feeds.withLock { all in
                for (id, feed) in updated where all[id] != nil { all[id] = feed }
            }
        }
        return out
    }

    /// The levels of one side that differ between two books, best first.
    static func changes(side: String, from old: [MarketView.Level], to new: [MarketView.Level], lotSize: UInt128) -> [JSONValue] {
        var before: [Int64: Int64] = [:]
        for level in old { before[level.price] = level.lots }
        var after: [Int64: Int64] = [:]
        for level in new { after[level.price] = level.lots }
        var prices = Set(before.keys).union(after.keys).sorted()
        if side == "buy" { prices.reverse() }
        return prices.compactMap { price in
            let lots = after[price] ?? 0
            guard lots != before[price] ?? 0 else { return nil }
            return .object(["side": .string(side), "price": MarketJSON.price(price), "quantity": MarketJSON.shares(UInt128(lots) * lotSize)])
        }
    }

    static func bookSnapshot(_ view: MarketView, head: UInt64) -> JSONValue {
        .object([
            "type": .string("snapshot"), "market": .unsigned(UInt64(view.definition.id)), "sequence": .unsigned(0),
            "blockNumber": .quantity(head),
            "bids": MarketJSON.levels(view.bids, lotSize: view.definition.lotSize),
            "asks": MarketJSON.levels(view.asks, lotSize: view.definition.lotSize),
        ])
    }

    static func phaseResult(_ view: MarketView, head: UInt64) -> JSONValue {
        var object = MarketJSON.session(view)
        object["market"] = .unsigned(UInt64(view.definition.id))
        object["blockNumber"] = .quantity(head)
        return .object(object)
    }

    static func notification(_ id: String, _ result: JSONValue) -> [UInt8] {
        WebSocketSession.notification(id, result, method: "equity_subscription")
    }
}
