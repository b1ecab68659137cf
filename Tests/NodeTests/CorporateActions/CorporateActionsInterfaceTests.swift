import Testing
@testable import Node

/// The published selectors and event topics of the corporate-action interfaces
/// (docs/abi.md), computed independently with pycryptodome's Keccak-256.
@Suite("Corporate actions: ABI selectors and topics")
struct CorporateActionsInterfaceTests {
    @Test func selectorsMatchTheDocumentedValues() {
        let d = DividendsInterface.self, m = MultiplierInterface.self
        let expected: [(ABIFunction, String)] = [
            (d.declareDividend, "0x4086e51f"), (d.claimDividend, "0xd0977f02"), (d.pushDividend, "0x1483ed8f"),
            (d.reclaimDividend, "0xe9a94425"), (d.scheduleMultiplierChange, "0xf40621ef"), (d.dividend, "0xaaea3530"),
            (d.entitlementOf, "0x271cd114"), (d.withholdingOf, "0x3019de71"), (d.dividendCount, "0x7cb25bc7"),
            (m.sharesOf, "0xf5eb42dc"), (m.rawBalanceOf, "0x12064c34"), (m.rawTotalSupply, "0xa592d9ec"),
            (m.uiMultiplier, "0xa60bf13d"), (m.newUIMultiplier, "0xdc767007"), (m.effectiveAt, "0x97a4064f"),
            (m.multiplierNonce, "0xf9e47896"), (m.multiplierChange, "0x5721c89f"), (m.transferWithEpoch, "0xfafe3e36"),
        ]
        for (function, selector) in expected {
            #expect(Hex.encode(function.selector.bytes) == selector, "\(function.signature)")
        }
    }

    @Test func eventTopicsMatchTheDocumentedValues() {
        let d = DividendsInterface.self
        let expected: [(ABIEvent, String)] = [
            (d.dividendDeclaredEvent, "8d7b7d54d1fe7ed7255ebca98cb294c2127ab1a279c5ef2b58cd0a7ba68e7011"),
            (d.dividendClaimedEvent, "d6e82c6a738fee33ebc7934ec522805760b5e7d599a0325099e3d3440f66ef40"),
            (d.dividendPaidEvent, "36fc0ae3a8fded3a77b5b6efa141691540541cbd06a2c5aa2b956bd273672dee"),
            (d.dividendReclaimedEvent, "9666c3d41f38e1a81a939e7d479e796d703f2fd63368a85aa9d1c4073fb67af8"),
            (d.multiplierScheduledEvent, "948869f42b554a371a30a55e2e55e3b8f9c38ad33b45d552cf31ccb4fe94de1a"),
            (d.dividendRecordedEvent, "159e62d61bcfb5599cefeaf8c7d1ed6a90061bbd54d305a3efa4cd55be0ad240"),
            (d.multiplierChangedEvent, "60f1fe28128610280a312fe82697911e4827982185d22622ccab4bd0410f7ae4"),
        ]
        for (event, topic) in expected { #expect(Hex.encode(event.topic.bytes) == "0x" + topic) }
    }

    @Test func corporateActionsAddressIsAContractAndGasIsPerHolderForPushes() {
        let state = WorldState(genesis: .devnet)
        #expect(SystemAddress.dividends == (try! Address(hex: "0x0000000000000000000000000000000000001003")))
        #expect(CallDispatcher.hasCode(state, at: SystemAddress.dividends))
        #expect(!CallDispatcher.hasCode(state, at: SystemAddress.withholding))
        let holders = (0..<3).map { ABIValue.address(Address(w0: 0, w1: 0, w2: UInt64($0 + 1))) }
        let push = try! DividendsInterface.pushDividend.encodeCall([.uint(UInt256(UInt64(1))), .array(holders)])
        #expect(CallDispatcher.executionGas(state, to: SystemAddress.dividends, data: push) == 20_000 + 3 * 25_000)
        let claim = try! DividendsInterface.claimDividend.encodeCall([.uint(UInt256(UInt64(1)))])
        #expect(CallDispatcher.executionGas(state, to: SystemAddress.dividends, data: claim) == 40_000)
    }
}
