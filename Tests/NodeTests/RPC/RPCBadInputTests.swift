import Foundation
import Testing
@testable import Node

/// Every kind of bad input gets a clear error with geth's code, the node keeps serving,
/// and the state does not change.
@Suite("RPC server: bad input")
struct RPCBadInputTests {
    typealias F = ChainFixture
    typealias T = RPCServerTests

    /// The observable state the bad inputs must leave alone: head, and account 0's nonce and position.
    static func snapshot(_ node: RPCTestNode) async throws -> [JSONValue] {
        [
            try await node.result("eth_blockNumber"),
            try await node.result("eth_getTransactionCount", [.address(F.accounts[0].address), .string("pending")]),
            try await node.result("equity_getPosition", [.address(F.accounts[0].address)]),
        ]
    }

    static func errorObject(_ json: JSONValue) -> (code: Int64?, message: String?) {
        (json["error"]?["code"]?.integer, json["error"]?["message"]?.text)
    }

    @Test func malformedRequestsGetGethCodes() async throws {
        let node = try await RPCTestNode.start()
        let before = try await Self.snapshot(node)
        let cases: [(body: String, code: Int64, message: String, id: JSONValue)] = [
            ("{", -32700, "parse error: expected a member name, found end of input at byte 1", .null),
            (#"{"jsonrpc":"2.0","id":1,"method":"eth_chainId"} x"#, -32700, "parse error: unexpected data after the JSON value", .null),
            (#"{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[01]}"#, -32700, "parse error: a number may not have leading zeros", .null),
            (#"{"jsonrpc":"1.0","id":7,"method":"eth_chainId"}"#, -32600, #"invalid request: "jsonrpc" must be "2.0""#, .unsigned(7)),
            (#"{"id":7,"method":"eth_chainId"}"#, -32600, #"invalid request: "jsonrpc" must be "2.0""#, .unsigned(7)),
            (#"{"jsonrpc":"2.0","id":7,"method":5}"#, -32600, #"invalid request: "method" must be a string"#, .unsigned(7)),
            (#"{"jsonrpc":"2.0","id":{"a":1},"method":"eth_chainId"}"#, -32600, "invalid request: \"id\" must be a string, a number or null", .null),
            ("42", -32600, "invalid request: a request must be a JSON object, not a number", .null),
            ("[]", -32600, "invalid request: empty batch", .null),
            (#"{"jsonrpc":"2.0","id":"x","method":"eth_foo"}"#, -32601, "the method eth_foo does not exist/is not available", .string("x")),
            (#"{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads"]}"#, -32601,
             "notifications not supported: subscribe over a WebSocket connection", .unsigned(1)),
            (#"{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":{"address":"0x00"}}"#, -32602,
             "non-array args: params must be a JSON array", .unsigned(1)),
        ]
        for c in cases {
            let (status, json) = try await node.post(c.body)
            #expect(status == 200, "\(c.body)")
            let (code, message) = Self.errorObject(json)
            #expect(code == c.code, "\(c.body)")
            #expect(message?.hasPrefix(c.message) == true, "\(c.body): \(message ?? "no message")")
            #expect(json["id"] == c.id, "\(c.body)")
            #expect(json["jsonrpc"] == .string("2.0"))
        }
        #expect(try await Self.snapshot(node) == before)
        #expect(try await node.result("eth_chainId") == .string("0x7a69"))
        try await node.stop()
    }

    @Test func wrongParametersGetGethsInvalidArgumentMessages() async throws {
        let node = try await RPCTestNode.start()
        let before = try await Self.snapshot(node)
        let account: JSONValue = .address(F.accounts[0].address)
        let cases: [(method: String, params: [JSONValue], message: String)] = [
            ("eth_getBalance", [], "missing value for required argument 0"),
            ("eth_getBalance", [account, .string("latest"), .string("x")], "too many arguments, want at most 2"),
            ("eth_chainId", [.unsigned(1)], "too many arguments, want at most 0"),
            ("eth_getBalance", [.unsigned(5)], "invalid argument 0: json: cannot unmarshal a number into Go value of type common.Address"),
            ("eth_getBalance", [.string("f39fd6e51aad88f6f4ce6ab8827279cfffb92266")], "invalid argument 0: hex string without 0x prefix"),
            ("eth_getBalance", [.string("0xf39f")], "invalid argument 0: hex string has length 4, want 40 for common.Address"),
            ("eth_getBalance", [.string("0xzz9fd6e51aad88f6f4ce6ab8827279cfffb92266")], "invalid argument 0: invalid hex string"),
            ("eth_getBlockByNumber", [.string("0x1ffffffffffffffffff"), .bool(false)], "invalid argument 0: hex number > 64 bits"),
            ("eth_getBlockByNumber", [.string("0x01"), .bool(false)], "invalid argument 0: hex number with leading zero digits"),
            ("eth_getBlockByNumber", [.string("0x"), .bool(false)], "invalid argument 0: hex string \"0x\""),
            ("eth_getBlockByNumber", [.string("lastest"), .bool(false)], "invalid argument 0: hex string without 0x prefix"),
            ("eth_getBlockByNumber", [.string("latest"), .string("yes")], "invalid argument 1: json: cannot unmarshal a string into Go value of type bool"),
            ("eth_getTransactionByHash", [.string("0x1234")], "invalid argument 0: hex string has length 4, want 64 for common.Hash"),
            ("eth_call", [.object(["to": .address(F.aapl), "data": .string("0xabc")])], "invalid argument 0: data: hex string of odd length"),
            ("eth_call", [.object(["to": .address(F.aapl), "data": .string("0x00"), "input": .string("0x01")])],
             "invalid argument 0: both \"data\" and \"input\" are set and not equal"),
            ("eth_sendRawTransaction", [.string("0xf8a")], "invalid argument 0: hex string of odd length"),
            ("eth_sendRawTransaction", [.unsigned(12)], "invalid argument 0: json: cannot unmarshal a number into Go value of type hexutil.Bytes"),
            ("eth_getLogs", [.object(["topics": .array([.null, .null, .null, .null, .null])])], "invalid argument 0: topics: exceed max topics"),
            ("eth_getLogs", [.object(["blockHash": .hash(.zero), "fromBlock": .string("0x0")])],
             "invalid argument 0: cannot specify both BlockHash and FromBlock/ToBlock"),
            ("equity_preTransferCheck", [.address(F.aapl), account, account, .string("0x100000000000000000000000000000000")],
             "invalid argument 3: amount 340282366920938463463374607431768211456 does not fit the ledger's 128-bit amounts"),
            ("eth_feeHistory", [.string("0x1"), .string("latest"), .array([.unsigned(60), .unsigned(10)])], "invalid argument 2: invalid reward percentile"),
        ]
        for c in cases {
            let e = try await node.error(c.method, c.params)
            #expect(e.code == -32602, "\(c.method) \(c.params): \(e.message)")
            #expect(e.message.hasPrefix(c.message), "\(c.method): \(e.message)")
        }
        // Refusals of the -32000 family: valid parameters the node cannot answer.
        let creation = try await node.error("eth_call", [.object(["data": .string("0x")])])
        #expect(creation.code == -32000 && creation.message.hasPrefix("contract creation is not supported"))
        let old = try await node.error("eth_call", [.object(["to": .address(F.aapl)]), .string("0x5")])
        #expect(old.code == -32000 && old.message.hasPrefix("header not found"))
        #expect(try await Self.snapshot(node) == before)
        try await node.stop()
    }

    @Test func limitsRefuseOversizedBodiesBatchesAndLogQueries() async throws {
        let node = try await RPCTestNode.start { c in
            c.maxBodyBytes = 2_048
            c.maxBatchLength = 3
            c.maxLogsBlockRange = 10
        }
        let before = try await Self.snapshot(node)
        let padding = String(repeating: " ", count: 3_000)
        let (status, json) = try await node.post(#"{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}"# + padding)
        #expect(status == 413)
        #expect(Self.errorObject(json).code == -32600)
        #expect(Self.errorObject(json).message?.hasPrefix("request body too large: more than 2048 bytes") == true)

        let call = #"{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}"#
        let (batchStatus, batch) = try await node.post("[\(call),\(call),\(call),\(call)]")
        #expect(batchStatus == 200)
        #expect(Self.errorObject(batch).code == -32600)
        #expect(Self.errorObject(batch).message == "batch too large: 4 requests, at most 3 per batch (split it)")
        let (_, allowed) = try await node.post("[\(call),\(call),\(call)]")
        #expect(allowed.count == 3)

        let range = try await node.error("eth_getLogs", [.object(["fromBlock": .string("0x0"), "toBlock": .string("0x14")])])
        #expect(range.code == -32005)
        #expect(range.message.hasPrefix("block range too large"))
        let backwards = try await node.error("eth_getLogs", [.object(["fromBlock": .string("0x1"), "toBlock": .string("0x0")])])
        #expect(backwards.code == -32000 && backwards.message.hasPrefix("invalid block range params"))
        #expect(try await Self.snapshot(node) == before)
        try await node.stop()
    }

    @Test func tooManyResultsAndSubscriptionsAreRefused() async throws {
        let node = try await RPCTestNode.start { c in c.maxLogsResults = 1 }
        for nonce in 0..<2 {
            _ = try await node.receipt(try await node.send(T.eip1559Transfer(from: 0, nonce: UInt64(nonce), to: F.accounts[1].address, amount: 1)))
        }
        let e = try await node.error("eth_getLogs", [.object(["fromBlock": .string("earliest"), "address": .address(F.aapl)])])
        #expect(e.code == -32005 && e.message.hasPrefix("query returned more than 1 results"))

        // The subscription limit, checked on a session directly (the WebSocket test covers the wire).
        let api = NodeAPI(chain: node.chain, configuration: RPCConfiguration())
        let session = WebSocketSession(dispatcher: RPCDispatcher(api: api, metrics: nil), maxSubscriptions: 2)
        let params = try RPCParameters(.array([.string("newHeads")]))
        _ = try await session.handle("eth_subscribe", params)
        _ = try await session.handle("eth_subscribe", params)
        await #expect(throws: RPCError.limitExceeded("too many subscriptions on this connection: at most 2; unsubscribe first")) {
            try await session.handle("eth_subscribe", params)
        }
        try await node.stop()
    }

    @Test func badTransactionsAreRefusedWithGethMessages() async throws {
        // Blocks are sealed by hand below, so "pending" lasts as long as the test needs
        // however loaded the machine is.
        let node = try await RPCTestNode.start(blockInterval: .seconds(3600))
        let to = F.accounts[1].address
        let good = T.eip1559Transfer(from: 0, nonce: 0, to: to, amount: F.share)
        let before = try await Self.snapshot(node)

        // Malformed RLP, a string where a list belongs, an unsupported type.
        for (raw, message) in [
            ([0xc1, 0x80] as [UInt8], "rlp: expected 9 list elements"),
            ([0x02, 0xc0], "rlp: expected 12 list elements"),
            ([0x85, 1, 2, 3, 4, 5], "rlp: expected a list"),
            ([0x03, 0xc0], "transaction type not supported: type 0x3"),
            (Array(good.encoded.dropLast()), "rlp:"),
        ] {
            let e = try await node.error("eth_sendRawTransaction", [.data(raw)])
            #expect(e.code == -32000, "\(Hex.encode(raw))")
            #expect(e.message.hasPrefix(message), "\(Hex.encode(raw)): \(e.message)")
        }

        // A signature with r = 0, and the high-s twin of a valid one.
        let sig = good.signature
        let zeroR = SignedTransaction(transaction: good.transaction, signature: .init(r: .zero, s: sig.s, recoveryId: sig.recoveryId))
        let badSignature = try await node.error("eth_sendRawTransaction", [.data(zeroR.encoded)])
        #expect(badSignature.code == -32000 && badSignature.message.hasPrefix("invalid sender: invalid transaction v, r, s values"))
        let highS = TransactionBadInputTests.n.subtractingReportingOverflow(UInt256(bigEndian: sig.s.bytes)!).partialValue
        let twin = SignedTransaction(transaction: good.transaction,
                                     signature: .init(r: sig.r, s: Bytes32(bytes: highS.bigEndianBytes)!, recoveryId: 1 - sig.recoveryId))
        let highSError = try await node.error("eth_sendRawTransaction", [.data(twin.encoded)])
        #expect(highSError.code == -32000 && highSError.message.contains("s is above n/2, which EIP-2 forbids"))

        // Signed for another chain; unprotected legacy.
        let otherChain = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
            chainId: 1, nonce: 0, maxPriorityFeePerGas: .zero, maxFeePerGas: .zero, gasLimit: 100_000, to: F.aapl, value: .zero,
            data: [], accessList: [])).sign(with: F.accounts[0].privateKey)
        let chainError = try await node.error("eth_sendRawTransaction", [.data(otherChain.encoded)])
        #expect(chainError.code == -32000 && chainError.message == "invalid chain id for signer: have 1 want 31337 (sign for chain id 31337)")
        let unprotected = UnsignedTransaction.legacy(LegacyTransaction(
            chainId: nil, nonce: 0, gasPrice: .zero, gasLimit: 100_000, to: F.aapl, value: .zero, data: [])).sign(with: F.accounts[0].privateKey)
        let unprotectedError = try await node.error("eth_sendRawTransaction", [.data(unprotected.encoded)])
        #expect(unprotectedError.message == "only replay-protected (EIP-155) transactions allowed over RPC")

        // A transfer the ledger refuses: the reason, and no trace.
        let tooMuch = T.eip1559Transfer(from: 0, nonce: 0, to: to, amount: 5_000 * F.share)
        let refused = try await node.error("eth_sendRawTransaction", [.data(tooMuch.encoded)])
        #expect(refused.code == -32000 && refused.message == "execution reverted: insufficient balance")
        #expect(try await Self.snapshot(node) == before)

        // Replays: while pending ("already known"), then once committed ("nonce too low").
        let hash = try await node.send(good)
        let known = try await node.error("eth_sendRawTransaction", [.data(good.encoded)])
        #expect(known.code == -32000 && known.message == "already known")
        _ = try await node.chain.seal(now: BlockProducer.unixSeconds())
        _ = try await node.receipt(hash)
        let replay = try await node.error("eth_sendRawTransaction", [.data(good.encoded)])
        #expect(replay.code == -32000)
        #expect(replay.message == "nonce too low: address \(F.accounts[0].address), tx: 0 state: 1")
        let lowNonce = T.legacyTransfer(from: 0, nonce: 0, to: to, amount: 2)
        #expect(try await node.error("eth_sendRawTransaction", [.data(lowNonce.encoded)]).message.hasPrefix("nonce too low"))

        // After all that: one transfer happened, nothing else.
        let position = try await node.result("equity_getPosition", [.address(to)])
        let aapl = position["holdings"]?.arrayValue?.first { $0["symbol"] == .string("AAPL") }
        #expect(aapl?["balanceFormatted"] == .string("1001"))
        #expect(try await node.result("eth_getTransactionCount", [.address(F.accounts[0].address), .string("latest")]) == .string("0x1"))
        try await node.stop()
    }
}

@Suite("Dev-key policy")
struct DevKeyPolicyTests {
    @Test func theDevnetExposesTheDevAccountsAndARealGenesisDoesNot() throws {
        let devnet = Genesis.devnet
        let exposed = try devnet.exposedDevAccounts().map(\.address)
        #expect(exposed.contains(ChainFixture.accounts[0].address))
        #expect(exposed.contains(devnet.roles.compliance))

        var real = devnet
        let other = Address(w0: 0, w1: 0, w2: 0xc0ffee)
        real.sequencer = other
        real.roles = .init(issuer: other, custodian: other, compliance: other)
        real.allocations = real.allocations.map { var a = $0; a.holder = other; return a }
        #expect(try real.exposedDevAccounts(count: 20).isEmpty)
        // One funded dev account is enough to be refused.
        real.allocations[0].holder = ChainFixture.accounts[12 % 10].address
        #expect(try real.exposedDevAccounts().map(\.index) == [2])
    }
}
