import Foundation
import HummingbirdWSClient
import Logging
import Synchronization
import Testing
@testable import Node

@Suite("RPC server: Ethereum and equity methods over HTTP and WebSocket")
struct RPCServerTests {
    typealias F = ChainFixture

    static func word(_ address: Address) -> JSONValue { .hash(address.word) }

    /// An EIP-1559 ERC-20 transfer signed with dev account `from`'s key.
    static func eip1559Transfer(from: Int, nonce: UInt64, to: Address, amount: UInt128, token: Address = F.aapl) -> SignedTransaction {
        UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
            chainId: F.genesis.chainId, nonce: nonce, maxPriorityFeePerGas: .zero, maxFeePerGas: UInt256(UInt64(1_000_000_000)),
            gasLimit: 100_000, to: token, value: .zero, data: try! ERC20.transfer.encodeCall([.address(to), .amount(amount)]),
            accessList: [])).sign(with: F.accounts[from].privateKey)
    }

    /// A legacy EIP-155 ERC-20 transfer.
    static func legacyTransfer(from: Int, nonce: UInt64, to: Address, amount: UInt128, token: Address = F.aapl) -> SignedTransaction {
        UnsignedTransaction.legacy(LegacyTransaction(
            chainId: F.genesis.chainId, nonce: nonce, gasPrice: .zero, gasLimit: 100_000, to: token, value: .zero,
            data: try! ERC20.transfer.encodeCall([.address(to), .amount(amount)]))).sign(with: F.accounts[from].privateKey)
    }

    @Test func identityMethodsAnswerWithCanonicalHex() async throws {
        let node = try await RPCTestNode.start()
        #expect(try await node.result("eth_chainId") == .string("0x7a69"))
        #expect(try await node.result("net_version") == .string("31337"))
        #expect(try await node.result("eth_blockNumber") == .string("0x0"))
        #expect(try await node.result("eth_syncing") == .bool(false))
        #expect(try await node.result("eth_gasPrice") == .string("0x0"))
        #expect(try await node.result("eth_maxPriorityFeePerGas") == .string("0x0"))
        #expect(try await node.result("web3_clientVersion").text?.hasPrefix("EquityChain/") == true)
        #expect(try await node.result("eth_getBalance", [.address(F.accounts[0].address), .string("latest")]) == .string("0x0"))
        #expect(try await node.result("eth_getCode", [.address(F.aapl), .string("latest")]) == .string("0xfe"))
        #expect(try await node.result("eth_getCode", [.address(SystemAddress.compliance)]) == .string("0xfe"))
        #expect(try await node.result("eth_getCode", [.address(F.accounts[0].address)]) == .string("0x"))
        // web3_sha3 of "" is the empty Keccak-256.
        #expect(try await node.result("web3_sha3", [.string("0x")])
            == .string("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"))
        try await node.stop()
    }

    @Test func erc20ViewsAnswerThroughEthCall() async throws {
        let node = try await RPCTestNode.start()
        let holder = F.accounts[0].address
        let call: JSONValue = .object([
            "to": .address(F.aapl), "data": .data(try ERC20.balanceOf.encodeCall([.address(holder)])),
        ])
        let balance = try await node.result("eth_call", [call, .string("latest")])
        #expect(balance == .data(try ERC20.balanceOf.encodeOutput([.amount(1_000 * F.share)])))
        let symbol = try await node.result("eth_call", [.object(["to": .address(F.aapl), "input": .data(ERC20.symbol.selector.bytes)]), .string("pending")])
        #expect(symbol == .data(try ERC20.symbol.encodeOutput([.string("AAPL")])))

        // A transfer beyond the balance reverts: code 3, the reason, Error(string) revert data.
        let tooMuch: JSONValue = .object([
            "from": .address(holder), "to": .address(F.aapl),
            "data": .data(try ERC20.transfer.encodeCall([.address(F.accounts[1].address), .amount(2_000 * F.share)])),
        ])
        let revert = try await node.error("eth_call", [tooMuch, .string("latest")])
        #expect(revert.code == 3)
        #expect(revert.message == "execution reverted: insufficient balance")
        #expect(revert.data == .data(RevertReason("insufficient balance").revertData))
        let estimateRevert = try await node.error("eth_estimateGas", [tooMuch])
        #expect(estimateRevert.code == 3 && estimateRevert.data == revert.data)

        // The estimate is exact: intrinsic gas plus the transfer's execution gas.
        let data = try ERC20.transfer.encodeCall([.address(F.accounts[1].address), .amount(F.share)])
        let estimate = try await node.result("eth_estimateGas", [.object(["from": .address(holder), "to": .address(F.aapl), "data": .data(data)])])
        #expect(estimate == .quantity(GasSchedule.intrinsic(data: data, accessList: []) + GasSchedule.Execution.transfer))
        try await node.stop()
    }

    @Test func signedTransfersCommitWithReceiptsLogsAndBlocks() async throws {
        let node = try await RPCTestNode.start()
        let from = F.accounts[0].address, to = F.accounts[1].address
        let first = try await node.send(Self.eip1559Transfer(from: 0, nonce: 0, to: to, amount: 5 * F.share))
        let second = try await node.send(Self.legacyTransfer(from: 0, nonce: 1, to: to, amount: 7 * F.share))
        #expect(try await node.result("eth_getTransactionCount", [.address(from), .string("pending")]) == .string("0x2"))

        let r1 = try await node.receipt(first)
        let r2 = try await node.receipt(second)
        for (r, hash, type) in [(r1, first, "0x2"), (r2, second, "0x0")] {
            #expect(r["status"] == .string("0x1"))
            #expect(r["transactionHash"] == .string(hash))
            #expect(r["type"] == .string(type))
            #expect(r["from"] == .address(from))
            #expect(r["to"] == .address(F.aapl))
            #expect(r["contractAddress"] == .null)
            #expect(r["effectiveGasPrice"] == .string("0x0"))
            #expect(r["logsBloom"]?.text?.count == 2 + 512)
            #expect(r["revertReason"] == nil)
            let log = try #require(r["logs"]?[0])
            #expect(r["logs"]?.count == 1)
            #expect(log["address"] == .address(F.aapl))
            #expect(log["topics"] == .array([.hash(ERC20.transferEvent.topic), Self.word(from), Self.word(to)]))
            #expect(log["removed"] == .bool(false))
        }
        #expect(try await node.result("eth_getTransactionCount", [.address(from), .string("latest")]) == .string("0x2"))

        // The Transfer logs through eth_getLogs: address and topic filters, null wildcard, OR-list.
        let filter: JSONValue = .object([
            "fromBlock": .string("0x0"), "toBlock": .string("latest"), "address": .array([.address(F.aapl)]),
            "topics": .array([.hash(ERC20.transferEvent.topic), .null, .array([Self.word(to), Self.word(from)])]),
        ])
        let logs = try await node.result("eth_getLogs", [filter])
        #expect(logs.count == 2)
        #expect(logs[0]?["transactionHash"] == .string(first) && logs[1]?["transactionHash"] == .string(second))
        let none = try await node.result("eth_getLogs", [.object(["address": .address(F.usd), "fromBlock": .string("earliest")])])
        #expect(none == .array([]))

        // The block: every header field, hashes only and full transactions.
        let blockNumber = try #require(r2["blockNumber"])
        let block = try await node.result("eth_getBlockByNumber", [blockNumber, .bool(true)])
        for field in ["hash", "parentHash", "sha3Uncles", "miner", "stateRoot", "transactionsRoot", "receiptsRoot", "logsBloom",
                      "difficulty", "number", "gasLimit", "gasUsed", "timestamp", "extraData", "mixHash", "nonce", "size",
                      "baseFeePerGas", "totalDifficulty", "uncles", "transactions"] {
            #expect(block[field] != nil, "block field \(field)")
        }
        #expect(block["withdrawals"] == nil)
        #expect(block["baseFeePerGas"] == .string("0x0") && block["difficulty"] == .string("0x0"))
        #expect(block["sha3Uncles"] == .hash(BlockHeader.emptyOmmersHash))
        #expect(block["nonce"] == .string("0x0000000000000000"))
        #expect(block["uncles"] == .array([]))
        #expect(block["hash"] == r2["blockHash"])
        let fullTx = try #require(block["transactions"]?[block["transactions"]!.count - 1])
        #expect(fullTx["hash"] == .string(second) && fullTx["from"] == .address(from) && fullTx["blockNumber"] == blockNumber)
        let byHash = try await node.result("eth_getBlockByHash", [try #require(r2["blockHash"]), .bool(false)])
        #expect(byHash["transactions"]?[byHash["transactions"]!.count - 1] == .string(second))
        #expect(try await node.result("eth_getBlockTransactionCountByNumber", [blockNumber]) == .quantity(UInt64(block["transactions"]!.count)))

        let tx = try await node.result("eth_getTransactionByHash", [.string(first)])
        #expect(tx["type"] == .string("0x2") && tx["nonce"] == .string("0x0") && tx["from"] == .address(from))
        #expect(tx["maxFeePerGas"] == .string("0x3b9aca00") && tx["chainId"] == .string("0x7a69"))
        #expect(tx["input"] == .data(try ERC20.transfer.encodeCall([.address(to), .amount(5 * F.share)])))

        // Balances moved; the fee history describes the blocks.
        let position = try await node.result("equity_getPosition", [.address(to)])
        let aapl = try #require(position["holdings"]?.arrayValue?.first { $0["symbol"] == .string("AAPL") })
        #expect(aapl["balanceFormatted"] == .string("1012"))
        let fees = try await node.result("eth_feeHistory", [.string("0x2"), .string("latest"), .array([.unsigned(50)])])
        #expect(fees["baseFeePerGas"]?.count == 3 && fees["gasUsedRatio"]?.count == 2 && fees["reward"]?.count == 2)
        try await node.stop()
    }

    @Test func pendingTransactionsAreVisibleBeforeTheirBlock() async throws {
        // A long block interval keeps the transaction in the open block.
        let node = try await RPCTestNode.start(blockInterval: .seconds(3_600))
        // Nonce 1 first: it waits in the pool behind the gap, and is pending all the same.
        let queued = try await node.send(Self.eip1559Transfer(from: 2, nonce: 1, to: F.accounts[3].address, amount: F.share))
        let waiting = try await node.result("eth_getTransactionByHash", [.string(queued)])
        #expect(waiting["hash"] == .string(queued) && waiting["nonce"] == .string("0x1") && waiting["blockNumber"] == .null)
        #expect(waiting["from"] == .string(F.accounts[2].address.lowercaseHex))
        let hash = try await node.send(Self.eip1559Transfer(from: 2, nonce: 0, to: F.accounts[3].address, amount: F.share))
        let pending = try await node.result("eth_getTransactionByHash", [.string(hash)])
        #expect(pending["hash"] == .string(hash) && pending["blockHash"] == .null && pending["blockNumber"] == .null)
        #expect(try await node.result("eth_getTransactionByHash", [.string(queued)])["blockNumber"] == .null, "now executed in the open block")
        #expect(try await node.result("eth_getTransactionReceipt", [.string(hash)]) == .null)
        #expect(try await node.result("eth_getTransactionCount", [.address(F.accounts[2].address), .string("latest")]) == .string("0x0"))
        #expect(try await node.result("eth_getTransactionCount", [.address(F.accounts[2].address), .string("pending")]) == .string("0x2"))
        // Graceful shutdown seals the open block: the receipt exists after a restart.
        try await node.stop(keepingData: true)
        let reopened = try Chain(genesis: .devnet, path: node.directory, logger: RPCTestNode.logger)
        let txHash = try #require(Bytes32(hex: hash))
        let receipt = try #require(try await reopened.receipt(transaction: txHash))
        #expect(receipt.succeeded && receipt.from == F.accounts[2].address)
        #expect(await reopened.head.number == 1)
        await reopened.close()
        try? FileManager.default.removeItem(atPath: node.directory)
    }

    @Test func logsAndNewHeadsSubscriptionsNotifyOverWebSocket() async throws {
        let node = try await RPCTestNode.start()
        let to = F.accounts[4].address
        let tx = Self.eip1559Transfer(from: 3, nonce: 0, to: to, amount: 3 * F.share)
        let seen = Mutex<(log: JSONValue?, head: JSONValue?, errors: [String])>((nil, nil, []))
        let port = node.port
        try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)", logger: RPCTestNode.logger) { inbound, outbound, _ in
            try await outbound.write(.text(#"{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["logs",{"address":"\#(F.aapl.lowercaseHex)","topics":["\#(ERC20.transferEvent.topic.hex)"]}]}"#))
            try await outbound.write(.text(#"{"jsonrpc":"2.0","id":2,"method":"eth_subscribe","params":["newHeads"]}"#))
            try await outbound.write(.text(#"{"jsonrpc":"2.0","id":3,"method":"eth_subscribe","params":["newPendingTransactions"]}"#))
            var ids: [Int64: String] = [:]
            var sent = false
            for try await message in inbound.messages(maxSize: 1 << 20) {
                guard case .text(let text) = message else { continue }
                let json = try JSONParser.parse(Array(text.utf8))
                if let id = json["id"]?.integer, let result = json["result"]?.text { ids[id] = result }
                if json["id"] == .unsigned(3), let message = json["error"]?["message"]?.text { seen.withLock { $0.errors.append(message) } }
                if ids.count == 2, !sent {
                    sent = true
                    _ = try await node.send(tx)
                }
                if json["method"] == .string("eth_subscription"), let params = json["params"] {
                    let subscription = params["subscription"]?.text
                    if subscription == ids[1] { seen.withLock { $0.log = params["result"] } }
                    if subscription == ids[2] { seen.withLock { $0.head = params["result"] } }
                }
                if seen.withLock({ $0.log != nil && $0.head != nil }) {
                    let unsubscribe = #"{"jsonrpc":"2.0","id":4,"method":"eth_unsubscribe","params":["\#(ids[1] ?? "")"]}"#
                    try await outbound.write(.text(unsubscribe))
                }
                if json["id"] == .unsigned(4) {
                    #expect(json["result"] == .bool(true))
                    try await outbound.close(.normalClosure, reason: nil)
                    break
                }
            }
        }
        let (log, head, errors) = seen.withLock { $0 }
        #expect(log?["transactionHash"] == .hash(tx.hash))
        #expect(log?["topics"]?[2] == Self.word(to))
        #expect(head?["number"] != nil && head?["baseFeePerGas"] == .string("0x0"))
        #expect(errors.first?.contains("no \"newPendingTransactions\" subscription") == true)
        try await node.stop()
    }

    @Test func equityNamespaceDescribesAssetsHoldersAndRedemptions() async throws {
        let node = try await RPCTestNode.start()
        let assets = try await node.result("equity_assets")
        let aapl = try #require(assets.arrayValue?.first { $0["symbol"] == .string("AAPL") })
        #expect(aapl["address"] == .address(F.aapl) && aapl["kind"] == .string("share"))
        #expect(aapl["isin"] == .string("US0378331005") && aapl["cusip"] == .string("037833100"))
        #expect(aapl["decimals"] == .unsigned(18) && aapl["multiplier"] == .string("1"))
        #expect(assets[0]?["kind"] == .string("cash"))

        let holder = F.accounts[1].address
        let position = try await node.result("equity_getPosition", [.address(holder)])
        let usd = try #require(position["holdings"]?.arrayValue?.first { $0["symbol"] == .string("USD") })
        #expect(usd["balanceFormatted"] == .string("1000000") && usd["transferableFormatted"] == .string("1000000"))
        #expect(usd["frozen"] == .string("0x0") && usd["fullyFrozen"] == .bool(false))

        let identity = try await node.result("equity_getIdentity", [.address(holder)])
        #expect(identity["verified"] == .bool(true) && identity["wallets"]?.arrayValue?.contains(.address(holder)) == true)
        #expect(try await node.result("equity_getIdentity", [.address(Address(w0: 0, w1: 0, w2: 42))]) == .null)

        let stranger = Address(w0: 0, w1: 0, w2: 0xbeef)
        let check = try await node.result("equity_preTransferCheck", [.address(F.aapl), .address(holder), .address(stranger), .string("0x1")])
        #expect(check["allowed"] == .bool(false) && check["code"] == .unsigned(6))
        #expect(check["message"] == .string(TransferRestriction.recipientNotVerified.message))
        let allowed = try await node.result("equity_preTransferCheck", [.address(F.aapl), .address(holder), .address(F.accounts[2].address), .string("0x1")])
        #expect(allowed["allowed"] == .bool(true) && allowed["code"] == .unsigned(0))

        #expect(try await node.result("equity_getRedemptions") == .array([]))
        let redeem = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
            chainId: F.genesis.chainId, nonce: 0, maxPriorityFeePerGas: .zero, maxFeePerGas: .zero, gasLimit: 200_000,
            to: F.aapl, value: .zero, data: try ShareTokenInterface.redeem.encodeCall([.amount(2 * F.share), .string("BRK-1")]),
            accessList: [])).sign(with: F.accounts[1].privateKey)
        #expect(try await node.receipt(try await node.send(redeem))["status"] == .string("0x1"))
        let redemptions = try await node.result("equity_getRedemptions", [.string("0x1")])
        #expect(redemptions.count == 1)
        #expect(redemptions[0]?["holder"] == .address(holder) && redemptions[0]?["amountFormatted"] == .string("2"))
        #expect(redemptions[0]?["brokerageAccountRef"] == .string("BRK-1") && redemptions[0]?["id"] == .string("0x1"))
        #expect(try await node.result("equity_getRedemptions", [.string("0x2")]) == .array([]))
        try await node.stop()
    }

    @Test func healthAndMetricsEndpoints() async throws {
        let node = try await RPCTestNode.start()
        _ = try await node.result("eth_chainId")
        let health = try await node.get("/health")
        #expect(health.status == 200)
        let json = try JSONParser.parse(Array(health.text.utf8))
        #expect(json["head"] == .unsigned(0) && json["syncing"] == .bool(false) && json["pendingTransactions"] == .unsigned(0))
        let metrics = try await node.get("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.text.contains("equitychain_head_block_number 0"))
        #expect(metrics.text.contains(#"equitychain_rpc_request_duration_seconds_count{method="eth_chainId"} 1"#))
        #expect(metrics.text.contains("equitychain_mempool_transactions"))
        try await node.stop()
    }

    @Test func batchesAnswerInOrderAndNotificationsGetNoAnswer() async throws {
        let node = try await RPCTestNode.start()
        let txs = (0..<5).map { Self.eip1559Transfer(from: 4, nonce: UInt64($0), to: F.accounts[5].address, amount: F.share) }
        var body = "["
        for (i, tx) in txs.enumerated() {
            body += #"{"jsonrpc":"2.0","id":\#(i),"method":"eth_sendRawTransaction","params":["\#(Hex.encode(tx.encoded))"]},"#
        }
        body += #"{"jsonrpc":"2.0","id":"last","method":"eth_getTransactionCount","params":["\#(F.accounts[4].address.lowercaseHex)","pending"]},"#
        body += #"{"jsonrpc":"2.0","method":"eth_chainId"}]"#
        let (status, answer) = try await node.post(body)
        #expect(status == 200)
        #expect(answer.count == 6, "the notification gets no answer")
        for (i, tx) in txs.enumerated() {
            #expect(answer[i]?["id"] == .unsigned(UInt64(i)) && answer[i]?["result"] == .hash(tx.hash))
        }
        #expect(answer[5]?["id"] == .string("last") && answer[5]?["result"] == .string("0x5"))
        let (_, nothing) = try await node.post(#"{"jsonrpc":"2.0","method":"eth_chainId"}"#)
        #expect(nothing == .null)
        try await node.stop()
    }
}

extension JSONValue {
    var arrayValue: [JSONValue]? {
        guard case .array(let a) = self else { return nil }
        return a
    }
}
