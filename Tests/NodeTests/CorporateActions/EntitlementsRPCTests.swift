import Foundation
import Testing
@testable import Node

/// `equity_getEntitlements` over real HTTP on loopback: entitlements appear from the
/// record point, before the pay time, with withholding by tax category.
@Suite("Corporate actions: equity_getEntitlements over HTTP")
struct EntitlementsRPCTests {
    typealias F = ChainFixture

    @Test func pendingEntitlementsAreVisibleBetweenRecordAndPay() async throws {
        let node = try await RPCTestNode.start()
        let now = BlockProducer.unixSeconds()
        let issuer = F.accounts[7].address
        let mintUSD = F.call(from: 8, nonce: 0, to: F.usd, ShareTokenInterface.mint,
                             [.address(issuer), .amount(10_000 * 1_000_000), .fixedBytes([UInt8](repeating: 2, count: 32))])
        _ = try await node.receipt(try await node.send(mintUSD.transaction))
        // $0.40 a share, recorded a few seconds from now (room for a loaded CI machine to
        // seal the declaration first), paid in an hour.
        let recordTime = now + 5
        let declare = F.call(from: 7, nonce: 0, to: SystemAddress.dividends, DividendsInterface.declareDividend,
                             [.address(F.aapl), .amount(400_000), .uint(UInt256(recordTime)), .uint(UInt256(now + 3_600))], gas: 300_000)
        let receipt = try await node.receipt(try await node.send(declare.transaction))
        #expect(receipt["status"]?.text == "0x1")

        let treaty = F.accounts[2].address
        let before = try await node.result("equity_getEntitlements", [.address(treaty)])
        let head = try await node.result("eth_getBlockByNumber", [.string("latest"), .bool(false)])
        let headTime = head["timestamp"]?.text.flatMap { UInt64($0.dropFirst(2), radix: 16) } ?? .max
        if headTime < recordTime {
            #expect(before["entitlements"]?.count == 0, "nothing before the record point")
        }
        // Wait (not a timing assertion) until a block at or after the record time applied
        // the record point.
        var result = before
        while result["entitlements"]?.count == 0, BlockProducer.unixSeconds() < recordTime + 30 {
            try await Task.sleep(for: .milliseconds(100))
            result = try await node.result("equity_getEntitlements", [.address(treaty)])
        }
        #expect(result["taxCategory"]?.text == "treaty")
        let entry = try #require(result["entitlements"]?[0])
        #expect(entry["dividendId"]?.text == "0x1")
        #expect(entry["symbol"]?.text == "AAPL")
        #expect(entry["status"]?.text == "recorded")
        #expect(entry["paid"] == .bool(false))
        #expect(entry["grossFormatted"]?.text == "400")
        #expect(entry["withholdingFormatted"]?.text == "60")
        #expect(entry["netFormatted"]?.text == "340")
        #expect(entry["net"]?.text == "0x" + String(340_000_000, radix: 16))
        #expect(entry["withholdingRateBasisPoints"]?.integer == 1_500)
        #expect(result["pendingNetFormatted"]?.text == "340")

        let nonTreaty = try await node.result("equity_getEntitlements", [.address(F.accounts[3].address)])
        #expect(nonTreaty["entitlements"]?[0]?["withholdingFormatted"]?.text == "120")
        let stranger = try await node.result("equity_getEntitlements", [.address(Address(w0: 0, w1: 0, w2: 0xBEEF))])
        #expect(stranger["entitlements"]?.count == 0 && stranger["taxCategory"] == .null)
        let bad = try await node.error("equity_getEntitlements", [.string("0x1234")])
        #expect(bad.code == -32602)
        try await node.stop()
    }
}
