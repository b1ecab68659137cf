import Foundation
import Synchronization
import Testing
@testable import Node

/// Issue 3's crash test: signed transfers flood a real `equity-node` process from several
/// concurrent senders, the node is SIGKILLed while it is admitting them and sealing
/// blocks, and a restart on the same data directory must still hold every transaction
/// whose receipt had been returned (same block, same status), with every token's balances
/// adding up to its total supply.
@Suite("equity-node binary: SIGKILL under load", .serialized)
struct CrashRecoveryTests {
    typealias F = ChainFixture

    /// The funded dev accounts send; every verified dev account receives.
    static let senders = 0..<5
    static let transfersPerRequest = 25
    /// Receipts to collect before the kill (or 20 s of load, on a slow machine); the
    /// senders keep sending meanwhile.
    static let receiptsBeforeKill = 400
    /// Fewer than this many receipts before the kill would make the test too weak to pass.
    static let receiptsRequired = 50

    /// What the senders saw: the receipts returned to them, and the hashes the node had
    /// accepted without a receipt yet.
    struct Ledger: Sendable {
        var receipts: [String: JSONValue] = [:]
        /// Accepted, no receipt yet: hash → (sender, nonce).
        var pending: [String: Sent] = [:]
        var failures: [String] = []
    }

    struct Sent: Sendable {
        let sender: Int
        let nonce: UInt64
    }

    /// The senders' shared record, and the flag raised just before the kill.
    final class Flood: Sendable {
        let ledger = Mutex(Ledger())
        let killed = Atomic(false)
    }

    /// Transfer `nonce` of dev account `sender`: AAPL and USD in turn, to another dev account.
    static func transfer(sender: Int, nonce: UInt64) -> SignedTransaction {
        let recipient = (sender + 1 + Int(nonce % 9)) % F.accounts.count
        let token = nonce % 2 == 0 ? F.aapl : F.usd
        let amount = UInt128(nonce % 7 + 1) * 1_000_000
        return RPCServerTests.eip1559Transfer(from: sender, nonce: nonce, to: F.accounts[recipient].address, amount: amount, token: token)
    }

    /// One sender: sends batches of transfers and polls the receipts of what it sent,
    /// until the node stops answering (the kill).
    static func flood(_ node: NodeProcess, sender: Int, into flood: Flood) async {
        var nonce: UInt64 = 0
        var outstanding: [String] = []
        do {
            while !flood.killed.load(ordering: .acquiring) {
                if outstanding.count < 200 {
                    let txs = (0..<transfersPerRequest).map { i in transfer(sender: sender, nonce: nonce + UInt64(i)) }
                    let answer = try await node.post(NodeBinaryBadInputTests.batch(txs.map(\.encoded)))
                    for (i, tx) in txs.enumerated() {
                        guard answer.json[i]?["result"] == .hash(tx.hash) else {
                            throw TestNodeFailure("sender \(sender) nonce \(nonce + UInt64(i)) refused: \(answer.json[i] ?? .null)")
                        }
                    }
                    let first = nonce
                    flood.ledger.withLock {
                        for (i, tx) in txs.enumerated() { $0.pending[tx.hash.hex] = Sent(sender: sender, nonce: first + UInt64(i)) }
                    }
                    nonce += UInt64(txs.count)
                    outstanding += txs.map(\.hash.hex)
                }
                let polled = outstanding
                let query = "[" + polled.enumerated().map { i, hash in
                    #"{"jsonrpc":"2.0","id":\#(i),"method":"eth_getTransactionReceipt","params":["\#(hash)"]}"#
                }.joined(separator: ",") + "]"
                let receipts = try await node.post(query).json
                var still: [String] = []
                for (i, hash) in polled.enumerated() {
                    guard let receipt = receipts[i]?["result"] else { throw TestNodeFailure("receipt query failed: \(receipts[i] ?? .null)") }
                    if receipt == .null {
                        still.append(hash)
                    } else {
                        flood.ledger.withLock {
                            $0.receipts[hash] = receipt
                            $0.pending[hash] = nil
                        }
                    }
                }
                outstanding = still
            }
        } catch {
            // After the kill, refused connections are expected; before it, anything is a failure.
            if !flood.killed.load(ordering: .acquiring) {
                flood.ledger.withLock { $0.failures.append("sender \(sender): \(error)") }
            }
        }
    }

    @Test func everyReturnedReceiptSurvivesSigkillAndSupplyAddsUp() async throws {
        let scratch = try ScratchDirectory()
        let datadir = scratch.path("chain")
        let flood = Flood()
        // Short blocks: many commits while the load runs, so the kill lands among them.
        let node = try await NodeProcess.start(["dev", "--datadir", datadir, "--block-time-ms", "20"], in: scratch)
        let headBeforeKill: UInt64
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for sender in Self.senders {
                    group.addTask { await Self.flood(node, sender: sender, into: flood) }
                }
                // Let receipts accumulate (bounded, so a slow machine still kills within 20 s), then SIGKILL mid-load.
                for _ in 0..<2_000 {
                    let state = flood.ledger.withLock { ($0.receipts.count, $0.failures.isEmpty) }
                    if state.0 >= Self.receiptsBeforeKill || !state.1 { break }
                    try await Task.sleep(for: .milliseconds(10))
                }
                flood.killed.store(true, ordering: .releasing)
                await node.kill()
                try await group.waitForAll()
            }
            headBeforeKill = flood.ledger.withLock { $0.receipts.values.compactMap { $0["blockNumber"]?.text.flatMap(Self.quantity) }.max() ?? 0 }
        } catch {
            await node.kill()
            throw error
        }
        let seen = flood.ledger.withLock { $0 }
        #expect(seen.failures.isEmpty, "\(seen.failures)")
        #expect(seen.receipts.count >= Self.receiptsRequired, "only \(seen.receipts.count) receipts before the kill")
        #expect(!node.isRunning)

        try await NodeProcess.with(["dev", "--datadir", datadir], in: scratch) { restarted in
            let head = try #require(try await restarted.result("eth_blockNumber").text.flatMap(Self.quantity))
            #expect(head >= headBeforeKill)

            // Every receipt returned before the kill: the same receipt, in the same block.
            let hashes = Array(seen.receipts.keys)
            for chunk in stride(from: 0, to: hashes.count, by: 500).map({ hashes[$0..<min($0 + 500, hashes.count)] }) {
                let query = "[" + chunk.enumerated().map { i, hash in
                    #"{"jsonrpc":"2.0","id":\#(i),"method":"eth_getTransactionReceipt","params":["\#(hash)"]}"#
                }.joined(separator: ",") + "]"
                let answers = try await restarted.post(query).json
                for (i, hash) in chunk.enumerated() {
                    let before = try #require(seen.receipts[hash])
                    let after = answers[i]?["result"]
                    #expect(before["status"] == .string("0x1"), "\(hash)")
                    #expect(after?["blockHash"] == before["blockHash"] && after?["status"] == before["status"], "\(hash): \(after ?? .null)")
                    #expect(after == before, "\(hash)")
                }
            }
            // The blocks those receipts name are the chain's blocks at those heights.
            var blockHashes: [String: JSONValue] = [:]
            for receipt in seen.receipts.values {
                if let number = receipt["blockNumber"]?.text { blockHashes[number] = receipt["blockHash"] }
            }
            for (number, hash) in blockHashes {
                let block = try await restarted.result("eth_getBlockByNumber", [.string(number), .bool(false)])
                #expect(block["hash"] == hash, "block \(number)")
            }

            // Per token, the balances of every account that could hold any add up to the total supply.
            let holders = Set(F.accounts.map(\.address) + F.genesis.allocations.map(\.holder))
            let assets = try await restarted.result("equity_assets")
            #expect(assets.count == 1 + F.genesis.assets.count)
            for asset in assets.arrayValue ?? [] {
                let token = try Address(hex: try #require(asset["address"]?.text))
                let supply = try #require(asset["totalSupply"]?.text.flatMap { UInt128($0.dropFirst(2), radix: 16) })
                var sum: UInt128 = 0
                for holder in holders {
                    let (total, overflow) = sum.addingReportingOverflow(try await NodeBinaryTests.balance(restarted, holder, token: token))
                    #expect(!overflow)
                    sum = total
                }
                #expect(sum == supply, "\(asset["symbol"] ?? .null): balances add up to \(sum), total supply \(supply)")
            }

            // What was accepted without a receipt before the kill is all-or-nothing by block: each
            // sender's committed transactions are exactly its nonces below the restored nonce.
            var latest: [Int: UInt64] = [:]
            for sender in Self.senders {
                let nonce = try #require(try await restarted.result(
                    "eth_getTransactionCount", [.address(F.accounts[sender].address), .string("latest")]).text.flatMap(Self.quantity))
                latest[sender] = nonce
                let receipted = seen.receipts.values.filter { $0["from"] == .address(F.accounts[sender].address) }.count
                #expect(latest[sender]! >= UInt64(receipted), "sender \(sender): nonce \(latest[sender]!), \(receipted) receipts")
            }
            for (hash, sent) in seen.pending {
                let receipt = try await restarted.result("eth_getTransactionReceipt", [.string(hash)])
                if sent.nonce < latest[sent.sender]! {
                    #expect(receipt["status"] == .string("0x1"), "sender \(sent.sender) nonce \(sent.nonce) is below the nonce but has no receipt")
                } else {
                    #expect(receipt == .null, "sender \(sent.sender) nonce \(sent.nonce) is at or above the nonce but has a receipt")
                    #expect(try await restarted.result("eth_getTransactionByHash", [.string(hash)]) == .null)
                }
            }

            // The chain takes each sender's next transaction.
            for sender in Self.senders {
                let latest = latest[sender]!
                let next = try await restarted.receipt(try await restarted.send(Self.transfer(sender: sender, nonce: latest)))
                #expect(next["status"] == .string("0x1"))
            }
        }
    }

    static func quantity(_ text: String) -> UInt64? {
        guard text.hasPrefix("0x") else { return nil }
        return UInt64(text.dropFirst(2), radix: 16)
    }
}
