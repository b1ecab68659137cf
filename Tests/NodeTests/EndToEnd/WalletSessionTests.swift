import Foundation
import Testing
@testable import Node

/// docs/wallet-guide.md's web3.py + eth_account session (`scripts/wallet-session.py`, the
/// same file the guide quotes) run against a real `equity-node dev`: an unmodified
/// Ethereum library connects, reads a share-token balance with the ERC-20 ABI, signs a
/// transfer locally, sends it and waits for the receipt.
@Suite("equity-node binary: the wallet guide's web3.py session")
struct WalletSessionTests {
    typealias F = ChainFixture

    static let web3Available: Bool = (try? PythonEthAccount.run(["-c", "import web3, eth_account"]))?.status == 0

    static let missingReason: Comment =
        "SKIPPED: python3 with web3 and eth_account is not installed, so the wallet guide's web3.py session is NOT verified; run scripts/bootstrap --python (make test does)"

    static let checkout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// scripts/wallet-session.py in this checkout.
    static let script = checkout.appendingPathComponent("scripts/wallet-session.py").path
    /// scripts/wallet-trade.py in this checkout: the guide's trading and dividends block.
    static let tradeScript = checkout.appendingPathComponent("scripts/wallet-trade.py").path

    /// The script's `name: value` lines.
    static func fields(_ output: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    /// Every line of the guide's Python blocks is a line of its script, in the same order
    /// (the first block quotes wallet-session.py, the second wallet-trade.py): what the
    /// guide shows is what the tests below run.
    @Test func theGuideQuotesTheScriptsItRuns() throws {
        let guide = try String(contentsOf: Self.checkout.appendingPathComponent("docs/wallet-guide.md"), encoding: .utf8)
        let blocks = guide.components(separatedBy: "```python\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count == 2)
        for (block, path) in zip(blocks, [Self.script, Self.tradeScript]) {
            let script = try String(contentsOfFile: path, encoding: .utf8)
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            var position = script.startIndex
            for line in block.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
                let found = script[position...].firstIndex(of: line)
                #expect(found != nil, "the guide's line is not in \(path) (in order): \(line)")
                if let found { position = script.index(after: found) }
            }
        }
    }

    @Test(.enabled(if: web3Available, missingReason))
    func theGuidesTradingBlockPlacesAnOrderAndReadsMarketData() async throws {
        let scratch = try ScratchDirectory()
        try await NodeProcess.with(["dev", "--datadir", scratch.path("chain")], in: scratch) { node in
            let run = try PythonEthAccount.run([Self.tradeScript, "--rpc", "http://127.0.0.1:\(node.port)"])
            #expect(run.status == 0, "wallet-trade.py failed: \(run.errors)")
            let out = Self.fields(run.output)
            #expect(out["status"] == "1")
            #expect(out["bids"] == #"[{"orders": 1, "price": "190.01", "quantity": "1.5"}]"#)
            #expect(out["open_orders"] == #"[[42, "buy", "190.01", "1.5"]]"#)
            #expect(out["entitlements"] == "0")
            #expect(out["claim_selector"] == Hex.encode(DividendsInterface.claimDividend.selector.bytes))
        }
    }

    @Test(.enabled(if: web3Available, missingReason))
    func theGuidesSessionTransfersAShareToken() async throws {
        let scratch = try ScratchDirectory()
        try await NodeProcess.with(["dev", "--datadir", scratch.path("chain")], in: scratch) { node in
            let run = try PythonEthAccount.run([Self.script, "--rpc", "http://127.0.0.1:\(node.port)", "--amount", "2.5"])
            #expect(run.status == 0, "wallet-session.py failed: \(run.errors)")
            let out = Self.fields(run.output)
            #expect(out["chain_id"] == "31337")
            #expect(out["sender"] == F.accounts[0].address.checksummed)
            #expect(out["recipient"] == F.accounts[1].address.checksummed)
            #expect(out["token"] == "AAPL (18 decimals) at \(F.aapl.checksummed)")
            #expect(out["sender_balance_before"] == "1000" && out["recipient_balance_before"] == "1000")
            #expect(out["status"] == "1")
            #expect(out["transfer_event"] == "\(F.accounts[0].address.checksummed) -> \(F.accounts[1].address.checksummed) 2.5")
            #expect(out["sender_balance_after"] == "997.5" && out["recipient_balance_after"] == "1002.5")
            #expect(out["max_fee_per_gas"] == "0")

            // The node agrees: the receipt web3.py waited for, and the balances.
            let hash = try #require(out["tx_hash"])
            let receipt = try await node.result("eth_getTransactionReceipt", [.string(hash)])
            #expect(receipt["status"] == .string("0x1") && receipt["type"] == .string("0x2"))
            #expect(receipt["gasUsed"] == .quantity(try #require(out["gas"].flatMap { UInt64($0) })), "web3.py's gas came from eth_estimateGas, which is exact")
            #expect(try await NodeBinaryTests.balance(node, F.accounts[1].address) == 1_002 * F.share + F.share / 2)
        }
    }
}
