import Foundation
import HummingbirdWSClient
import Synchronization
import Testing
@testable import Node

/// Two wallets whose keys stay outside the node (devnet accounts 0 and 1) trade AAPL
/// against USD on the real `equity-node` binary over JSON-RPC, and see the trade on a
/// WebSocket `equity_subscribe` feed.
@Suite("equity-node binary: trading AAPL on the exchange", .serialized)
struct MarketEndToEndTests {
    typealias F = ChainFixture
    typealias B = MarketBench
    /// AAPL-24X7: open whatever the wall clock says.
    static let market: UInt32 = 2

    @Test func twoWalletsTradeAndTheTradeIsStreamed() async throws {
        let scratch = try ScratchDirectory()
        try await NodeProcess.with(["dev", "--datadir", scratch.path("chain")], in: scratch) { node in
            let seller = F.accounts[1].address, buyer = F.accounts[0].address
            let markets = try await node.result("equity_getMarkets")
            #expect(markets.arrayValue?.count == 10)
            #expect(markets[1]?["symbol"] == .string("AAPL-24X7") && markets[1]?["schedule"] == .string("24x7"))

            let streamed = Mutex<(trades: [JSONValue], book: [JSONValue])>(([], []))
            let hashes = Mutex<[String]>([])
            try await Deadline.run(seconds: 60, "the trades subscription") {
                try await WebSocketClient.connect(url: "ws://127.0.0.1:\(node.port)", logger: RPCTestNode.logger) { inbound, outbound, _ in
                    try await outbound.write(.text(#"{"jsonrpc":"2.0","id":1,"method":"equity_subscribe","params":["book",2]}"#))
                    try await outbound.write(.text(#"{"jsonrpc":"2.0","id":2,"method":"equity_subscribe","params":["trades",2]}"#))
                    var ids: [UInt64: String] = [:]
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message else { continue }
                        let json = try JSONParser.parse(Array(text.utf8))
                        if case .unsigned(let id)? = json["id"] {
                            ids[id] = try #require(json["result"]?.text, "equity_subscribe failed: \(text)")
                            guard ids.count == 2 else { continue }
                            // Both feeds are open: the seller offers, the buyer takes.
                            for tx in [B.signed(from: 1, nonce: 0, B.place(Self.market, .sell, "190.00", "3", client: 101)),
                                       B.signed(from: 0, nonce: 0, B.place(Self.market, .buy, "190.00", "2", client: 202))] {
                                let hash = try await node.send(tx)
                                hashes.withLock { $0.append(hash) }
                            }
                        } else if json["method"] == .string("equity_subscription"), let result = json["params"]?["result"] {
                            let subscription = json["params"]?["subscription"]?.text
                            let done = streamed.withLock { s -> Bool in
                                if subscription == ids[2] { s.trades.append(result) } else { s.book.append(result) }
                                return !s.trades.isEmpty
                            }
                            if done {
                                try await outbound.close(.normalClosure, reason: nil)
                                break
                            }
                        }
                    }
                }
            }
            let (trades, book) = streamed.withLock { $0 }
            let trade = try #require(trades.first)
            #expect(trade["market"] == .unsigned(2) && trade["price"] == .string("190") && trade["quantity"] == .string("2"))
            #expect(trade["maker"] == .address(seller) && trade["taker"] == .address(buyer) && trade["takerSide"] == .string("buy"))
            #expect(trade["cash"] == .string("380") && trade["takerFee"] == .string("0.114") && trade["makerFee"] == .string("0.038"))
            // The book feed opened with a snapshot of the empty book.
            #expect(book.first?["type"] == .string("snapshot") && book.first?["sequence"] == .unsigned(0))

            let sent = hashes.withLock { $0 }
            let receipt = try await node.receipt(sent[1])
            #expect(receipt["status"] == .string("0x1"))
            #expect(trade["transactionHash"] == .string(sent[1]))
            #expect(try await NodeBinaryTests.balance(node, buyer) == 1_002 * F.share)
            // The share still offered is escrowed in the seller's own position: still owned
            // (balanceOf, dividends), no longer transferable.
            #expect(try await NodeBinaryTests.balance(node, seller) == 998 * F.share)
            let position = try await node.result("equity_getPosition", [.address(seller)])
            let aapl = try #require(position["holdings"]?.arrayValue?.first { $0["symbol"] == .string("AAPL") })
            #expect(aapl["escrowedFormatted"] == .string("1") && aapl["transferableFormatted"] == .string("997"))
            #expect(try await NodeBinaryTests.balance(node, buyer, token: F.usd) == 1_000_000_000_000 - 380_000_000 - 114_000)
            #expect(try await NodeBinaryTests.balance(node, seller, token: F.usd) == 1_000_000_000_000 + 380_000_000 - 38_000)

            // The market data methods agree: one share still offered, the fill in the trade history.
            let l2 = try await node.result("equity_getOrderBook", [.unsigned(2), .unsigned(10)])
            #expect(l2["asks"] == .array([.object(["price": .string("190"), "quantity": .string("1"), "orders": .unsigned(1)])]))
            #expect(l2["bids"] == .array([]))
            let history = try await node.result("equity_getTrades", [.unsigned(2), .string("0x0")])
            #expect(history.arrayValue?.count == 1 && history[0]?["transactionHash"] == .string(sent[1]))
            let open = try await node.result("equity_getOpenOrders", [.address(seller)])
            #expect(open.arrayValue?.count == 1 && open[0]?["clientOrderId"] == .unsigned(101) && open[0]?["remaining"] == .string("1"))
            // It rests in the continuous book: shown in full, not waiting for an auction.
            #expect(open[0]?["waitingForAuction"] == .bool(false) && open[0]?["displayed"] == .string("1"))
            #expect(try await node.result("equity_getOpenOrders", [.address(buyer)]) == .array([]))
            let order = try await node.result("equity_getOrder", [.unsigned(2), .unsigned(1)])
            #expect(order["owner"] == .address(seller) && order["price"] == .string("190"))
        }
    }
}
