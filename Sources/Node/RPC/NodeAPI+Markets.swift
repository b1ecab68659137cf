/// The market methods of the `equity_` namespace (docs/api.md, docs/markets.md).
extension NodeAPI {
    /// Most price levels a side `equity_getOrderBook` returns, and its default.
    public static let maxBookDepth = 1_000
    public static let defaultBookDepth = 50
    /// Most orders `equity_getOpenOrders` returns.
    public static let maxOpenOrders = 10_000

    static let marketMethods: Set<String> = [
        "equity_getMarkets", "equity_getOrderBook", "equity_getOrder", "equity_getOpenOrders", "equity_getTrades",
    ]

    func marketCall(_ method: String, _ p: RPCParameters) async throws(RPCError) -> JSONValue {
        switch method {
        case "equity_getMarkets":
            try p.expect(atMost: 0)
            return .array(await chain.marketViews(depth: 1).map(MarketJSON.market))
        case "equity_getOrderBook":
            try p.expect(atMost: 2)
            let id = try marketId(p, 0)
            let depth = try p.readOptional(1, Self.number) ?? UInt64(Self.defaultBookDepth)
            guard depth >= 1 && depth <= UInt64(Self.maxBookDepth) else {
                throw .invalidParams("invalid argument 1: depth must be from 1 to \(Self.maxBookDepth) levels")
            }
            guard let view = await chain.marketView(id, depth: Int(depth)) else { throw unknownMarket(id) }
            return Self.book(view, blockNumber: await chain.head.number)
        case "equity_getOrder":
            try p.expect(atMost: 2)
            let id = try marketId(p, 0)
            let order = try p.read(1, Self.number)
            guard let found = await chain.exchangeOrder(market: id, id: order) else { return .null }
            return MarketJSON.order(found.order, resting: found.resting, lotSize: found.lotSize)
        case "equity_getOpenOrders":
            try p.expect(atMost: 1)
            let owner = try p.read(0, RPCValue.address)
            return .array(await chain.openOrders(of: owner, limit: Self.maxOpenOrders).map { o, resting, lot in
                MarketJSON.order(o, resting: resting, lotSize: lot)
            })
        case "equity_getTrades":
            return try await trades(p)
        default:
            throw .methodNotFound(method)
        }
    }

    /// An L2 book: both sides aggregated by price, best first.
    static func book(_ view: MarketView, blockNumber: UInt64) -> JSONValue {
        var object = MarketJSON.session(view)
        object["market"] = .unsigned(UInt64(view.definition.id))
        object["symbol"] = .string(view.definition.symbol)
        object["blockNumber"] = .quantity(blockNumber)
        object["bids"] = MarketJSON.levels(view.bids, lotSize: view.definition.lotSize)
        object["asks"] = MarketJSON.levels(view.asks, lotSize: view.definition.lotSize)
        return .object(object)
    }

    private func marketId(_ p: RPCParameters, _ i: Int) throws(RPCError) -> UInt32 {
        let raw = try p.read(i, Self.number)
        guard let id = UInt32(exactly: raw) else { throw .invalidParams("invalid argument \(i): market ids are 32-bit") }
        return id
    }

    /// A market id, depth or block number: a JSON number or a hex quantity.
    static func number(_ v: JSONValue) throws(RPCValueError) -> UInt64 {
        if case .unsigned(let n) = v { return n }
        return try RPCValue.uint64(v)
    }

    private func unknownMarket(_ id: UInt32) -> RPCError {
        .invalidParams("unknown market \(id); equity_getMarkets lists the markets")
    }

    /// `equity_getTrades(market, fromBlock?)`: the market's fills from `fromBlock`
    /// (default: the head) to the head, read from the blocks' `Trade` logs, at most the
    /// log range and result limits of `eth_getLogs`.
    private func trades(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 2)
        let id = try marketId(p, 0)
        guard await chain.marketView(id, depth: 0) != nil else { throw unknownMarket(id) }
        let head = await chain.head.number
        let from = try p.readOptional(1, Self.number) ?? head
        guard from <= head else { return .array([]) }
        guard head - from + 1 <= configuration.maxLogsBlockRange else {
            throw .limitExceeded("block range too large: \(head - from + 1) blocks, at most \(configuration.maxLogsBlockRange) per query")
        }
        var out: [JSONValue] = []
        for n in from...head {
            guard let header = try stored({ () throws(ChainStoreError) in try chain.store.header(number: n) }),
                  header.logsBloom.mayContain(SystemAddress.exchange.bytes) else { continue }
            let receipts = try stored { () throws(ChainStoreError) in try chain.store.receipts(number: n) }
            for receipt in receipts {
                for log in receipt.logs {
                    guard let trade = MarketJSON.trade(log, block: n, transaction: receipt.transactionHash), trade.market == id else { continue }
                    guard out.count < configuration.maxLogsResults else {
                        throw .limitExceeded("more than \(configuration.maxLogsResults) trades (start from a later block)")
                    }
                    out.append(trade.json)
                }
            }
        }
        return .array(out)
    }
}
