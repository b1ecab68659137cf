import Testing
import Matching
@testable import Node

/// The issuer lists a market after genesis; anyone else, or a bad definition, is refused.
@Suite("Exchange: listing markets")
struct MarketListingTests {
    typealias B = MarketBench
    static let t0 = B.monday + 22 * 3600
    static let msft = ChainFixture.genesis.assets.first { $0.symbol == "MSFT" }!.address

    static func listing(_ symbol: String, lot: String = "0.01", reference: UInt32 = 3) -> [UInt8] {
        try! ExchangeInterface.listMarket.encodeCall([
            .string(symbol), .address(msft), .uint(UInt256(UInt64(1))), .uint(UInt256(UInt64(10_000))), .amount(B.shares(lot)),
            .amount(B.shares(lot)), .amount(B.shares("999")), .uint(UInt256(UInt64(2))), .uint(UInt256(UInt64(5))),
            .address(B.feeAccount), .uint(UInt256(UInt64(1))), .uint(UInt256(UInt64(300))), .uint(UInt256(UInt64(reference))),
        ])
    }

    @Test func issuerListsAMarketThatTrades() throws {
        var bench = B()
        let listed = try bench.block(at: Self.t0, [(7, Self.listing("MSFT-NIGHT"))])
        #expect(listed[0].succeeded && listed[0].logs.last?.topics.first == ExchangeInterface.marketListedEvent.topic)
        let market = try #require(bench.state.markets[11])
        #expect(market.definition.symbol == "MSFT-NIGHT" && market.definition.referenceMarket == 3 && market.definition.collarBps == 300)
        let trade = try bench.block(at: Self.t0 + 1, [(1, B.place(11, .sell, "400.00", "0.5")), (0, B.place(11, .buy, "400.00", "0.5"))])
        #expect(B.trades(trade[1].logs).map(\.quantity) == [B.share / 2])
    }

    @Test func listingIsRefusedToOthersAndForBadDefinitions() throws {
        var bench = B()
        let refused = try bench.block(at: Self.t0, [
            (0, Self.listing("MSFT-NIGHT")), (7, Self.listing("AAPL-XNYS")), (7, Self.listing("MSFT-ODD", lot: "0.003")),
            (7, Self.listing("MSFT-NIGHT", reference: 1)),
        ])
        #expect(refused.map(\.revertReason) == [
            "only the issuer may list markets", "market symbol AAPL-XNYS is taken",
            "market MSFT-ODD: lot must divide one share (1, 0.1, 0.01, …)", "collarReference must be an XNYS market of the same asset",
        ])
        #expect(bench.state.markets.count == 10)
    }
}
