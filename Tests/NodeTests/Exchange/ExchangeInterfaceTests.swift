import Testing
@testable import Node

/// The exchange ABI as docs/abi.md publishes it: selectors and event topics computed
/// independently (pycryptodome's Keccak-256 over the signatures).
@Suite("Exchange: ABI selectors and topics")
struct ExchangeInterfaceTests {
    typealias X = ExchangeInterface

    @Test func selectorsMatchTheDocumentedValues() {
        let expected: [(ABIFunction, String)] = [
            (X.placeOrder, "0x9a5e1906"), (X.placeOrderAtEpoch, "0x761cf24c"), (X.cancelOrder, "0x906782a8"),
            (X.amendOrder, "0xb326a536"), (X.amendOrderAtEpoch, "0x7e7c954e"), (X.cancelAll, "0x6e8f7401"),
            (X.getOrder, "0x507858f9"), (X.bestBidAsk, "0x4c2b45bd"), (X.marketCount, "0xec979082"),
            (X.multiplierEpoch, "0x249f45b7"), (X.listMarket, "0x72500acb"),
        ]
        for (function, selector) in expected {
            #expect(Hex.encode(function.selector.bytes) == selector, "\(function.signature)")
        }
    }

    @Test func eventTopicsMatchTheDocumentedValues() {
        let expected: [(ABIEvent, String)] = [
            (X.orderAcceptedEvent, "0xade8298b671ff38f9b540aa4b2231ea817effb25f0d93aae3826ddf43c72a39d"),
            (X.orderRejectedEvent, "0xd2280ca0d81dcc3fc3c175cca7f80df3f31ddc13bbf3b69e4fd5baba21075e8d"),
            (X.tradeEvent, "0xb90acc89c60201c87ca2b152de8d0061c8fd1ca3fc357bf8a5b0750638f4a2b2"),
            (X.orderCancelledEvent, "0xb4d780270f85b82a4c65626b9ad3397ae1ab95350d0e6afcbfe2f14a356fecd2"),
            (X.orderAmendedEvent, "0x6fd8abcca105944842002b3ec9e354e148ffe93bace17bc04f9ec54dbde40078"),
            (X.auctionEvent, "0xbebe176693f005d72ef71832bf705f393444c4e16bcbcdf0dd9dee004e828556"),
            (X.marketListedEvent, "0xc0472b7eff57bd3e419f063b955405c475a1c5a8fe64f14d3b53d29366c7355b"),
        ]
        for (event, topic) in expected { #expect(event.topic.hex == topic, "\(event.signature)") }
    }
}
