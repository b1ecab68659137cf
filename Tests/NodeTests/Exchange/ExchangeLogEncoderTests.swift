import Testing
import Matching
@testable import Node

/// The exchange's fixed-layout logs are byte for byte what the generic ABI encoder
/// (`ABIEvent.encodeLog` over `ABIValue`s) gives for the same event, at small, large and
/// extreme values (a negative price's bit pattern, amounts using all 128 bits, an address
/// with every byte set).
@Suite("Exchange: fixed-layout logs")
struct ExchangeLogEncoderTests {
    typealias X = ExchangeInterface

    static let owner = Address(w0: 0x0102_0304, w1: 0x0506_0708_090a_0b0c, w2: 0x0d0e_0f10_1112_1314)
    static let full = Address(w0: .max, w1: .max, w2: .max)

    static func u(_ v: UInt64) -> ABIValue { .uint(UInt256(v)) }
    static func p(_ v: Int64) -> ABIValue { .uint(UInt256(UInt64(bitPattern: v))) }

    static func generic(_ event: ABIEvent, _ values: [ABIValue]) throws -> Log {
        let (topics, data) = try event.encodeLog(values)
        return Log(address: SystemAddress.exchange, topics: topics, data: data)
    }

    static let amounts: [UInt128] = [0, 1, 1_000_000_000_000_000, UInt128(UInt64.max) + 1, .max]
    static let prices: [Int64] = [1, 10_000, -1, .max, .min]

    @Test(arguments: zip(amounts, prices))
    func acceptedMatchesTheGenericEncoder(amount: UInt128, price: Int64) throws {
        for side in [Side.buy, .sell] {
            let event = ExchangeEvent.accepted(market: .max, order: .max, owner: Self.owner, clientOrderId: 77, side: side, price: price, quantity: amount)
            let expected = try Self.generic(X.orderAcceptedEvent, [Self.u(UInt64(UInt32.max)), Self.u(.max), .address(Self.owner), Self.u(77),
                                                                   Self.u(UInt64(side.rawValue)), Self.p(price), .amount(amount)])
            #expect(ExchangeLogEncoder.log(event) == expected)
        }
    }

    @Test(arguments: zip(amounts, prices))
    func tradeMatchesTheGenericEncoder(amount: UInt128, price: Int64) throws {
        let event = ExchangeEvent.trade(market: 3, maker: 9, taker: .max, makerOwner: Self.full, takerOwner: Self.owner, takerSide: 2,
                                        price: price, quantity: amount, cash: amount / 3, makerFee: 5, takerFee: amount)
        let expected = try Self.generic(X.tradeEvent, [
            Self.u(3), Self.u(9), Self.u(.max), .address(Self.full), .address(Self.owner), Self.u(2), Self.p(price),
            .amount(amount), .amount(amount / 3), .amount(5), .amount(amount),
        ])
        #expect(ExchangeLogEncoder.log(event) == expected)
    }

    @Test(arguments: amounts)
    func cancelledAmendedAndAuctionMatchTheGenericEncoder(amount: UInt128) throws {
        let cancelled = ExchangeEvent.cancelled(market: 1, order: 2, owner: Self.full, clientOrderId: .max, quantity: amount, remaining: amount / 2, reason: 100)
        #expect(ExchangeLogEncoder.log(cancelled) == (try Self.generic(X.orderCancelledEvent, [
            Self.u(1), Self.u(2), .address(Self.full), Self.u(.max), .amount(amount), .amount(amount / 2), Self.u(100),
        ])))
        let amended = ExchangeEvent.amended(market: 1, order: 2, owner: Self.owner, clientOrderId: 0, price: -5, remaining: amount)
        #expect(ExchangeLogEncoder.log(amended) == (try Self.generic(X.orderAmendedEvent, [
            Self.u(1), Self.u(2), .address(Self.owner), Self.u(0), Self.p(-5), .amount(amount),
        ])))
        let auction = ExchangeEvent.auction(market: 7, kind: 2, price: 12_345, quantity: amount)
        #expect(ExchangeLogEncoder.log(auction) == (try Self.generic(X.auctionEvent, [Self.u(7), Self.u(2), Self.p(12_345), .amount(amount)])))
    }

    @Test func stringEventsKeepTheirDynamicLayout() throws {
        let rejected = ExchangeEvent.rejected(market: 1, order: 4, owner: Self.owner, clientOrderId: 8, reason: 3, message: "market is closed")
        let log = ExchangeLogEncoder.log(rejected)
        #expect(log == (try Self.generic(X.orderRejectedEvent, [
            Self.u(1), Self.u(4), .address(Self.owner), Self.u(8), Self.u(3), .string("market is closed"),
        ])))
        // clientOrderId, reason, the string's offset, its length, one padded word of text.
        #expect(log.data.count == 5 * 32)
    }
}
