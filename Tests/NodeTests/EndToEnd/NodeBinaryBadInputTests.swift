import Foundation
import HummingbirdWSClient
import Synchronization
import Testing
@testable import Node

/// Bad input against the real binary, where it differs from the in-process tests
/// (`RPCBadInputTests`): the CLI's default limits, bytes that are not HTTP, bodies cut
/// short, garbage over a WebSocket, and bad transactions mixed into one batch with a good
/// one. After each the node keeps serving and nothing changed but the one good transfer.
@Suite("equity-node binary: bad input", .serialized)
struct NodeBinaryBadInputTests {
    typealias F = ChainFixture
    typealias T = RPCServerTests

    /// What no bad input may change: the head, and every dev account's nonce and holdings.
    static func snapshot(_ node: NodeProcess) async throws -> [JSONValue] {
        var state = [try await node.result("eth_blockNumber")]
        for account in F.accounts {
            state.append(try await node.result("eth_getTransactionCount", [.address(account.address), .string("pending")]))
            state.append(try await node.result("equity_getPosition", [.address(account.address)]))
        }
        return state
    }

    @Test func defaultLimitsAndBrokenRequestsLeaveTheNodeServing() async throws {
        let scratch = try ScratchDirectory()
        try await NodeProcess.with(["dev", "--datadir", scratch.path("chain")], in: scratch) { node in
            let before = try await Self.snapshot(node)

            // The CLI's default limits: 5 MiB bodies, 1,000 requests per batch.
            let call = #"{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}"#
            let huge = try await node.post(call + String(repeating: " ", count: 5 * 1024 * 1024))
            #expect(huge.status == 413)
            #expect(huge.json["error"]?["code"] == .signed(-32600))
            #expect(huge.json["error"]?["message"]?.text?.hasPrefix("request body too large: more than 5242880 bytes") == true)
            let batch = try await node.post("[" + Array(repeating: call, count: 1_001).joined(separator: ",") + "]")
            #expect(batch.json["error"]?["message"] == .string("batch too large: 1001 requests, at most 1000 per batch (split it)"))
            let full = try await node.post("[" + Array(repeating: call, count: 1_000).joined(separator: ",") + "]")
            #expect(full.json.count == 1_000 && full.json[999]?["result"] == .string("0x7a69"))

            // One of each JSON-RPC error class over the wire.
            for (body, code) in [
                (#"{"jsonrpc":"2.0","id":1,"method""#, -32700),
                (#"{"jsonrpc":"1.0","id":1,"method":"eth_chainId"}"#, -32600),
                (#"{"jsonrpc":"2.0","id":1,"method":"eth_mine"}"#, -32601),
                (#"{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["0x12"]}"#, -32602),
            ] as [(String, Int64)] {
                let (status, json) = try await node.post(body)
                #expect(status == 200 && json["error"]?["code"]?.integer == code, "\(body): \(json)")
            }

            // Bytes that are not HTTP: that connection gets nothing useful (hummingbird-websocket's
            // upgrade pipeline neither answers nor closes it), and every other connection is served.
            let garbage = try LoopbackSocket(port: node.port)
            try garbage.write("\u{16}\u{03}\u{01}\u{02}\u{00} not a request line\r\n\r\n")
            #expect(try await node.result("eth_chainId") == .string("0x7a69"))
            // A body shorter than its Content-Length, then the end of the stream: a 400 parse error.
            let cut = try LoopbackSocket(port: node.port)
            try cut.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"jsonrpc\":")
            cut.finishWriting()
            let cutAnswer = cut.readToEnd()
            #expect(cutAnswer.hasPrefix("HTTP/1.1 400 "), "\(cutAnswer)")
            #expect(cutAnswer.contains(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error: the request body could not be read"#), "\(cutAnswer)")
            withExtendedLifetime(garbage) {}

            // Garbage over a WebSocket gets JSON-RPC errors; the connection keeps working.
            let answers = Mutex<[JSONValue]>([])
            try await Deadline.run(seconds: 60, "the WebSocket exchange") {
                try await WebSocketClient.connect(url: "ws://127.0.0.1:\(node.port)", logger: RPCTestNode.logger) { inbound, outbound, _ in
                    for text in ["{", #"{"jsonrpc":"2.0","id":2,"method":"eth_subscribe","params":["pendingBlocks"]}"#,
                                 #"{"jsonrpc":"2.0","id":3,"method":"eth_chainId"}"#] {
                        try await outbound.write(.text(text))
                    }
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message else { continue }
                        let count = answers.withLock { $0.append((try? JSONParser.parse(Array(text.utf8))) ?? .null); return $0.count }
                        if count == 3 {
                            try await outbound.close(.normalClosure, reason: nil)
                            break
                        }
                    }
                }
            }
            let ws = answers.withLock { $0 }
            #expect(ws.count == 3)
            #expect(ws.first { $0["id"] == .null }?["error"]?["code"] == .signed(-32700))
            #expect(ws.first { $0["id"] == .unsigned(2) }?["error"]?["code"] == .signed(-32602))
            #expect(ws.first { $0["id"] == .unsigned(3) }?["result"] == .string("0x7a69"))

            #expect(try await Self.snapshot(node) == before)
            #expect(try await node.result("eth_chainId") == .string("0x7a69"))
        }
    }

    @Test func badTransactionsInOneBatchAreRefusedOneByOne() async throws {
        let scratch = try ScratchDirectory()
        try await NodeProcess.with(["dev", "--datadir", scratch.path("chain")], in: scratch) { node in
            let before = try await Self.snapshot(node)
            let to = F.accounts[7].address
            let good = T.eip1559Transfer(from: 2, nonce: 0, to: to, amount: F.share)
            let sig = good.signature
            let zeroR = SignedTransaction(transaction: good.transaction, signature: .init(r: .zero, s: sig.s, recoveryId: sig.recoveryId))
            let highS = TransactionBadInputTests.n.subtractingReportingOverflow(UInt256(bigEndian: sig.s.bytes)!).partialValue
            let twin = SignedTransaction(transaction: good.transaction,
                                         signature: .init(r: sig.r, s: Bytes32(bytes: highS.bigEndianBytes)!, recoveryId: 1 - sig.recoveryId))
            let otherChain = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
                chainId: 1, nonce: 0, maxPriorityFeePerGas: .zero, maxFeePerGas: .zero, gasLimit: 100_000, to: F.aapl, value: .zero,
                data: try ERC20.transfer.encodeCall([.address(to), .amount(1)]), accessList: [])).sign(with: F.accounts[2].privateKey)
            let tooMuch = T.eip1559Transfer(from: 3, nonce: 0, to: to, amount: 5_000 * F.share)

            // Bad ones around the good one, in one batch: each answered on its own.
            let raws: [[UInt8]] = [[0xc1, 0x80], Array(good.encoded.dropLast(3)), zeroR.encoded, twin.encoded, otherChain.encoded,
                                   good.encoded, good.encoded, tooMuch.encoded]
            let answer = try await node.post(Self.batch(raws))
            let expected: [String?] = [
                "rlp: expected 9 list elements", "rlp:", "invalid sender: invalid transaction v, r, s values",
                "invalid sender: invalid transaction v, r, s values", "invalid chain id for signer: have 1 want 31337",
                nil, "already known", "execution reverted: insufficient balance",
            ]
            #expect(answer.json.count == raws.count)
            for (i, prefix) in expected.enumerated() {
                let element = try #require(answer.json.arrayValue?.first { $0["id"] == .unsigned(UInt64(i)) })
                if let prefix {
                    #expect(element["error"]?["code"] == .signed(-32000), "element \(i): \(element)")
                    #expect(element["error"]?["message"]?.text?.hasPrefix(prefix) == true, "element \(i): \(element)")
                } else {
                    #expect(element["result"] == .hash(good.hash), "element \(i): \(element)")
                }
            }
            #expect(try await node.receipt(good.hash.hex)["status"] == .string("0x1"))

            // Once committed, the replay and another nonce-0 transaction are too low.
            let replay = try await node.post(Self.batch([good.encoded, T.legacyTransfer(from: 2, nonce: 0, to: to, amount: 2).encoded]))
            for i in 0..<2 {
                #expect(replay.json[i]?["error"]?["message"]?.text?.hasPrefix("nonce too low: address \(F.accounts[2].address), tx: 0 state: 1") == true,
                        "\(replay.json)")
            }

            // Exactly one transfer happened; everything else is as it was.
            var after = try await Self.snapshot(node)
            #expect(try await NodeBinaryTests.balance(node, to) == F.share)
            #expect(after[1 + 2 * 2] == .string("0x1"), "account 2's nonce")
            for i in [0, 1 + 2 * 2, 2 + 2 * 2, 1 + 2 * 7, 2 + 2 * 7] { after[i] = before[i] }
            #expect(after == before)
            #expect(try await node.result("eth_chainId") == .string("0x7a69"))
        }
    }

    /// A JSON-RPC batch of `eth_sendRawTransaction`s with ids 0, 1, ….
    static func batch(_ raws: [[UInt8]]) -> String {
        "[" + raws.enumerated().map { i, raw in
            #"{"jsonrpc":"2.0","id":\#(i),"method":"eth_sendRawTransaction","params":["\#(Hex.encode(raw))"]}"#
        }.joined(separator: ",") + "]"
    }
}
