import HummingbirdWSClient
import Synchronization
import Testing
@testable import Node

/// The market data methods on an in-process node: answers after trading, refusals of
/// bad arguments, and the book feed's delta computation.
@Suite("Market data over JSON-RPC", .serialized)
struct MarketRPCTests {
    typealias B = MarketBench

    @Test func marketMethodsAnswerAndRefuseBadArguments() async throws {
        let node = try await RPCTestNode.start()
        do {
            _ = try await node.receipt(try await node.send(B.signed(from: 2, nonce: 0, B.place(4, .sell, "400.00", "1.5"))))
            _ = try await node.receipt(try await node.send(B.signed(from: 3, nonce: 0, B.place(4, .buy, "399.99", "0.25", display: "0.1"))))
            let book = try await node.result("equity_getOrderBook", [.string("0x4")])
            #expect(book["symbol"] == .string("MSFT-24X7") && book["phase"] == .string("continuous"))
            #expect(book["asks"] == .array([.object(["price": .string("400"), "quantity": .string("1.5"), "orders": .unsigned(1)])]))
            #expect(book["bids"] == .array([.object(["price": .string("399.99"), "quantity": .string("0.25"), "orders": .unsigned(1)])]))
            let bid = try await node.result("equity_getOrder", [.unsigned(4), .unsigned(2)])
            #expect(bid["displayed"] == .string("0.1") && bid["remaining"] == .string("0.25") && bid["side"] == .string("buy"))
            #expect(try await node.result("equity_getOrder", [.unsigned(4), .unsigned(99)]) == .null)
            let markets = try await node.result("equity_getMarkets")
            #expect(markets[3]?["bestBid"] == .string("399.99") && markets[3]?["bestAsk"] == .string("400"))
            #expect(markets[3]?["restingOrders"] == .unsigned(2) && markets[3]?["collarReferenceMarket"] == .unsigned(3))

            let unknown = try await node.error("equity_getOrderBook", [.unsigned(11)])
            #expect(unknown.code == -32602 && unknown.message.contains("unknown market 11"))
            let depth = try await node.error("equity_getOrderBook", [.unsigned(4), .unsigned(0)])
            #expect(depth.code == -32602 && depth.message.contains("depth must be from 1 to 1000"))
            let wide = try await node.error("equity_getOrder", [.unsigned(1 << 40), .unsigned(1)])
            #expect(wide.code == -32602 && wide.message.contains("32-bit"))
            let trades = try await node.error("equity_getTrades", [.unsigned(0)])
            #expect(trades.code == -32602 && trades.message.contains("unknown market 0"))
            let overHTTP = try await node.error("equity_subscribe", [.string("book"), .unsigned(4)])
            #expect(overHTTP.code == -32601)
        } catch {
            try await node.stop()
            throw error
        }
        try await node.stop()
    }

    @Test func bookAndPhaseFeedsOverWebSocket() async throws {
        let node = try await RPCTestNode.start()
        let received = Mutex<[String: [JSONValue]]>([:])
        do {
            try await Deadline.run(seconds: 60, "the book and phase feeds") {
                try await WebSocketClient.connect(url: "ws://127.0.0.1:\(node.port)", logger: RPCTestNode.logger) { inbound, outbound, _ in
                    try await outbound.write(.text(#"{"jsonrpc":"2.0","id":1,"method":"equity_subscribe","params":["book",6]}"#))
                    try await outbound.write(.text(#"{"jsonrpc":"2.0","id":2,"method":"equity_subscribe","params":["phase",6]}"#))
                    try await outbound.write(.text(#"{"jsonrpc":"2.0","id":3,"method":"equity_subscribe","params":["quotes",6]}"#))
                    var names: [String: String] = [:]
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message else { continue }
                        let json = try JSONParser.parse(Array(text.utf8))
                        if case .unsigned(let id)? = json["id"] {
                            if id == 3 {
                                #expect(json["error"]?["code"] == .signed(-32602))
                                _ = try await node.send(B.signed(from: 4, nonce: 0, B.place(6, .buy, "120.00", "2")))
                            } else {
                                names[try #require(json["result"]?.text)] = id == 1 ? "book" : "phase"
                            }
                            continue
                        }
                        guard let id = json["params"]?["subscription"]?.text, let name = names[id], let result = json["params"]?["result"] else { continue }
                        let done = received.withLock { r -> Bool in
                            r[name, default: []].append(result)
                            return (r["book"]?.count ?? 0) >= 2 && (r["phase"]?.count ?? 0) >= 1
                        }
                        if done {
                            try await outbound.close(.normalClosure, reason: nil)
                            break
                        }
                    }
                }
            }
        } catch {
            try await node.stop()
            throw error
        }
        try await node.stop()
        let feeds = received.withLock { $0 }
        let book = try #require(feeds["book"])
        #expect(book[0]["type"] == .string("snapshot") && book[0]["bids"] == .array([]))
        #expect(book[1]["type"] == .string("delta") && book[1]["sequence"] == .unsigned(1))
        #expect(book[1]["changes"] == .array([.object(["side": .string("buy"), "price": .string("120"), "quantity": .string("2")])]))
        #expect(feeds["phase"]?.first?["market"] == .unsigned(6) && feeds["phase"]?.first?["phase"] != nil)
    }

    @Test func bookDeltasListOnlyChangedLevelsBestFirst() {
        typealias L = MarketView.Level
        let lot = MarketDefinition.shareUnit / 1_000
        let before = [L(price: 101_000_000, lots: 5, orders: 1), L(price: 100_000_000, lots: 2, orders: 1)]
        let after = [L(price: 102_000_000, lots: 1, orders: 1), L(price: 101_000_000, lots: 5, orders: 2)]
        let changes = MarketFeeds.changes(side: "buy", from: before, to: after, lotSize: lot)
        #expect(changes == [
            .object(["side": .string("buy"), "price": .string("102"), "quantity": .string("0.001")]),
            .object(["side": .string("buy"), "price": .string("100"), "quantity": .string("0")]),
        ])
        #expect(MarketFeeds.changes(side: "sell", from: after, to: after, lotSize: lot).isEmpty)
    }

    /// A sealed block carries its markets as it left them, and the book feed publishes
    /// those, not the market as the sequencer has it by then (orders of the next block).
    @Test func bookFeedPublishesTheBlockNotTheOpenBlock() async throws {
        typealias F = ChainFixture
        let chain = try ChainTests.open(ChainTests.temporaryDirectory())
        var nonce: UInt64 = 0
        func bid(_ price: UInt64) async throws {
            _ = try await chain.submit(F.call(from: 0, nonce: nonce, to: SystemAddress.exchange, ExchangeInterface.placeOrder, [
                .uint(UInt256(UInt64(2))), .uint(UInt256(UInt64(0))), .uint(UInt256(price)), .amount(F.share),
                .uint(UInt256(UInt64(0))), .uint(UInt256(UInt64(0))), .amount(0), .uint(UInt256(UInt64(0))), .uint(UInt256(nonce + 1)),
            ], gas: 400_000), now: ChainTests.now)
            nonce += 1
        }
        let feeds = MarketFeeds(chain: chain, limit: 4)
        let id = try await feeds.handle("equity_subscribe", try RPCParameters(.array([.string("book"), .unsigned(2)])))
        _ = feeds.takePending()
        try await bid(100_000_000)
        let sealed = try #require(try await chain.seal(now: ChainTests.now))
        // The next block already holds a better bid when the sealed one is published.
        try await bid(101_000_000)
        #expect(sealed.markets[2]?.bids.map(\.price) == [100_000_000])
        #expect(await chain.marketView(2, depth: 50)?.bids.map(\.price) == [101_000_000, 100_000_000])
        let sent = await feeds.notifications(for: sealed)
        #expect(sent.count == 1)
        let text = String(decoding: try #require(sent.first), as: UTF8.self)
        #expect(text.contains("\"price\":\"100\"") && !text.contains("\"price\":\"101\""))
        guard case .string(let subscription) = id else { Issue.record("subscription id \(id)"); return }
        #expect(text.contains(subscription))
        await chain.close()
    }
}
