import Foundation
import HummingbirdWSClient
import Synchronization
import Testing
@testable import Node

/// The real `equity-node` executable, started as a child process on a loopback port and
/// driven like a wallet would: a plain HTTP client, a real WebSocket client, and
/// transactions signed here, outside the node.
@Suite("equity-node binary: end to end", .serialized)
struct NodeBinaryTests {
    typealias F = ChainFixture
    typealias T = RPCServerTests

    /// `balanceOf(holder)` at `token` through `eth_call`, decoded.
    static func balance(_ node: some RPCEndpoint, _ holder: Address, token: Address = F.aapl) async throws -> UInt128 {
        let call: JSONValue = .object(["to": .address(token), "data": .data(try ERC20.balanceOf.encodeCall([.address(holder)]))])
        guard let hex = try await node.result("eth_call", [call, .string("latest")]).text, let bytes = Hex.decode(hex),
              let value = UInt256(bigEndian: bytes), value.high == 0 else {
            throw TestNodeFailure("balanceOf(\(holder)) did not answer one uint256")
        }
        return value.low
    }

    /// The Transfer logs of `token` received on a `logs` subscription opened before
    /// `send` runs, until `count` have arrived (a 60 s bound only ends a hung test).
    static func subscribedTransferLogs(
        _ node: NodeProcess, token: Address, to: Address, count: Int, send: @escaping @Sendable () async throws -> Void
    ) async throws -> [JSONValue] {
        let received = Mutex<[JSONValue]>([])
        let filter = #"{"address":"\#(token.lowercaseHex)","topics":["\#(ERC20.transferEvent.topic.hex)",null,"\#(to.word.hex)"]}"#
        try await Deadline.run(seconds: 60, "the logs subscription") {
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(node.port)", logger: RPCTestNode.logger) { inbound, outbound, _ in
                try await outbound.write(.text(#"{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["logs",\#(filter)]}"#))
                var subscription: String?
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    guard case .text(let text) = message else { continue }
                    let json = try JSONParser.parse(Array(text.utf8))
                    if json["id"] == .unsigned(1) {
                        subscription = try #require(json["result"]?.text, "eth_subscribe failed: \(text)")
                        try await send()
                    } else if json["method"] == .string("eth_subscription"), json["params"]?["subscription"]?.text == subscription,
                              let log = json["params"]?["result"] {
                        if received.withLock({ $0.append(log); return $0.count }) == count {
                            try await outbound.close(.normalClosure, reason: nil)
                            break
                        }
                    }
                }
            }
        }
        return received.withLock { $0 }
    }

    @Test func walletSessionOverHTTPAndWebSocket() async throws {
        let scratch = try ScratchDirectory()
        try await NodeProcess.with(["dev", "--datadir", scratch.path("chain")], in: scratch) { node in
            #expect(try await node.result("eth_chainId") == .string("0x7a69"))
            let from = F.accounts[0].address, to = F.accounts[5].address
            #expect(try await Self.balance(node, from) == 1_000 * F.share)
            #expect(try await Self.balance(node, to) == 0)

            // An EIP-1559 and a legacy EIP-155 transfer, signed here; the logs subscription is open before they are sent.
            let dynamic = T.eip1559Transfer(from: 0, nonce: 0, to: to, amount: 5 * F.share)
            let legacy = T.legacyTransfer(from: 0, nonce: 1, to: to, amount: 7 * F.share)
            #expect(dynamic.transaction.type == .dynamicFee && legacy.transaction.type == .legacy)
            let hashes = Mutex<[String]>([])
            let streamed = try await Self.subscribedTransferLogs(node, token: F.aapl, to: to, count: 2) {
                for tx in [dynamic, legacy] {
                    let hash = try await node.send(tx)
                    hashes.withLock { $0.append(hash) }
                }
            }
            let sent = hashes.withLock { $0 }
            #expect(sent == [dynamic.hash.hex, legacy.hash.hex])

            for (i, hash) in sent.enumerated() {
                let receipt = try await node.receipt(hash)
                #expect(receipt["status"] == .string("0x1"), "receipt of \(hash)")
                #expect(receipt["type"] == .string(i == 0 ? "0x2" : "0x0"))
                let log = try #require(receipt["logs"]?[0])
                let amount: UInt128 = i == 0 ? 5 * F.share : 7 * F.share
                #expect(log["topics"] == .array([.hash(ERC20.transferEvent.topic), .hash(from.word), .hash(to.word)]))
                #expect(log["data"] == .data(UInt256(amount).bigEndianBytes))

                // The same log through eth_getLogs (by the receipt's block hash) and through the subscription.
                let byBlock = try await node.result("eth_getLogs", [.object([
                    "blockHash": try #require(receipt["blockHash"]), "address": .address(F.aapl),
                    "topics": .array([.hash(ERC20.transferEvent.topic), .hash(from.word)]),
                ])])
                let found = byBlock.arrayValue?.first { $0["transactionHash"] == .string(hash) }
                #expect(found == log)
                let pushed = streamed.first { $0["transactionHash"] == .string(hash) }
                #expect(pushed?["blockHash"] == log["blockHash"] && pushed?["logIndex"] == log["logIndex"])
                #expect(pushed?["data"] == log["data"] && pushed?["topics"] == log["topics"])
            }
            // A range query over the whole chain finds both, in order.
            let all = try await node.result("eth_getLogs", [.object([
                "fromBlock": .string("earliest"), "toBlock": .string("latest"), "address": .address(F.aapl),
                "topics": .array([.hash(ERC20.transferEvent.topic), .null, .hash(to.word)]),
            ])])
            #expect(all.arrayValue?.compactMap { $0["transactionHash"]?.text } == sent)
            #expect(try await Self.balance(node, from) == 988 * F.share)
            #expect(try await Self.balance(node, to) == 12 * F.share)
        }
    }

    @Test func sigtermStopsCleanlyAndARestartResumesAtTheSameHead() async throws {
        let scratch = try ScratchDirectory()
        let datadir = scratch.path("chain")
        let recipient = F.accounts[6].address
        let node = try await NodeProcess.start(["dev", "--datadir", datadir], in: scratch)
        let first: JSONValue, second: String, stoppedAt: UInt64
        do {
            first = try await node.receipt(try await node.send(T.eip1559Transfer(from: 1, nonce: 0, to: recipient, amount: F.share)))
            // Admitted into the open block, then SIGTERM at once: the graceful stop seals it.
            second = try await node.send(T.legacyTransfer(from: 1, nonce: 1, to: recipient, amount: 2 * F.share))
            let (status, exited) = try await node.terminate()
            #expect(exited && status == 0, "exit status \(status): \(node.errors)")
            let line = try #require(node.errors.split(separator: "\n").first { $0.contains("sequencer stopped; database closed") })
            stoppedAt = try #require(line.split(separator: " ").first { $0.hasPrefix("head=") }.flatMap { UInt64($0.dropFirst(5)) })
        } catch {
            await node.kill()
            throw error
        }

        try await NodeProcess.with(["dev", "--datadir", datadir], in: scratch) { restarted in
            #expect(try await restarted.result("eth_blockNumber") == .quantity(stoppedAt))
            let again = try await restarted.result("eth_getTransactionReceipt", [try #require(first["transactionHash"])])
            #expect(again == first)
            let sealedAtStop = try await restarted.result("eth_getTransactionReceipt", [.string(second)])
            #expect(sealedAtStop["status"] == .string("0x1"))
            #expect(sealedAtStop["blockNumber"] == .quantity(stoppedAt))
            #expect(try await Self.balance(restarted, recipient) == 3 * F.share)
            #expect(try await restarted.result("eth_getTransactionCount", [.address(F.accounts[1].address), .string("latest")]) == .string("0x2"))

            // The chain goes on from there: the next block's parent is the head it resumed at.
            let head = try await restarted.result("eth_getBlockByNumber", [.string("latest"), .bool(false)])
            let next = try await restarted.receipt(try await restarted.send(T.eip1559Transfer(from: 1, nonce: 2, to: recipient, amount: F.share)))
            #expect(next["status"] == .string("0x1"))
            let block = try await restarted.result("eth_getBlockByHash", [try #require(next["blockHash"]), .bool(false)])
            #expect(block["parentHash"] == head["hash"])
        }
    }
}
