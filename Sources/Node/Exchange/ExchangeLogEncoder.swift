/// The logs of exchange events, emitted by `SystemAddress.exchange`.
///
/// Every event but `OrderRejected` and `MarketListed` has only static parameters, so its
/// log is fixed-layout: topics are the event's topic and the indexed words, data the
/// non-indexed words in order. Those are written word by word here (every order emits
/// two or three of them) rather than through `ABIValue` arrays and `ABIEvent.encodeLog`;
/// the bytes are the same (ExchangeLogEncoderTests compares the two). The two events with
/// a `string` take the generic encoder.
enum ExchangeLogEncoder {
    static func log(_ event: ExchangeEvent) -> Log {
        typealias I = ExchangeInterface
        switch event {
        case let .accepted(market, order, owner, client, side, price, quantity):
            var data = Words(count: 4)
            data.uint(client); data.uint(UInt64(side.rawValue)); data.price(price); data.amount(quantity)
            return Log(address: SystemAddress.exchange, topics: [I.orderAcceptedEvent.topic, word(market), word(order), owner.word],
                       data: data.bytes)
        case let .rejected(market, order, owner, client, reason, message):
            return generic(I.orderRejectedEvent, [.uint(UInt256(UInt64(market))), .uint(UInt256(order)), .address(owner),
                                                  .uint(UInt256(client)), .uint(UInt256(UInt64(reason))), .string(message)])
        case let .trade(market, maker, taker, makerOwner, takerOwner, takerSide, price, quantity, cash, makerFee, takerFee):
            var data = Words(count: 8)
            data.address(makerOwner); data.address(takerOwner); data.uint(UInt64(takerSide)); data.price(price)
            data.amount(quantity); data.amount(cash); data.amount(makerFee); data.amount(takerFee)
            return Log(address: SystemAddress.exchange, topics: [I.tradeEvent.topic, word(market), word(maker), word(taker)], data: data.bytes)
        case let .cancelled(market, order, owner, client, quantity, remaining, reason):
            var data = Words(count: 4)
            data.uint(client); data.amount(quantity); data.amount(remaining); data.uint(UInt64(reason))
            return Log(address: SystemAddress.exchange, topics: [I.orderCancelledEvent.topic, word(market), word(order), owner.word],
                       data: data.bytes)
        case let .amended(market, order, owner, client, price, remaining):
            var data = Words(count: 3)
            data.uint(client); data.price(price); data.amount(remaining)
            return Log(address: SystemAddress.exchange, topics: [I.orderAmendedEvent.topic, word(market), word(order), owner.word],
                       data: data.bytes)
        case let .listed(market, symbol, base):
            return generic(I.marketListedEvent, [.uint(UInt256(UInt64(market))), .string(symbol), .address(base)])
        case let .auction(market, kind, price, quantity):
            var data = Words(count: 3)
            data.uint(UInt64(kind)); data.price(price); data.amount(quantity)
            return Log(address: SystemAddress.exchange, topics: [I.auctionEvent.topic, word(market)], data: data.bytes)
        }
    }

    /// An unsigned integer as an indexed topic word.
    private static func word<T: FixedWidthInteger & UnsignedInteger>(_ v: T) -> Bytes32 { Bytes32(w0: 0, w1: 0, w2: 0, w3: UInt64(v)) }

    /// ABI words written in order into a buffer of known size.
    private struct Words {
        private(set) var bytes: [UInt8]
        private var offset = 0

        init(count: Int) { bytes = [UInt8](repeating: 0, count: 32 * count) }

        private mutating func put(_ v: UInt64, at end: Int) {
            for i in 0..<8 { bytes[end - 1 - i] = UInt8(truncatingIfNeeded: v >> UInt64(8 * i)) }
        }

        mutating func uint(_ v: UInt64) {
            put(v, at: offset + 32)
            offset += 32
        }

        /// A price: the exchange logs an `Int64` price as the `uint64` of its bit pattern.
        mutating func price(_ v: Int64) { uint(UInt64(bitPattern: v)) }

        mutating func amount(_ v: UInt128) {
            put(UInt64(truncatingIfNeeded: v >> 64), at: offset + 24)
            put(UInt64(truncatingIfNeeded: v), at: offset + 32)
            offset += 32
        }

        mutating func address(_ a: Address) {
            put(UInt64(a.w0), at: offset + 16)
            put(a.w1, at: offset + 24)
            put(a.w2, at: offset + 32)
            offset += 32
        }
    }

    private static func generic(_ event: ABIEvent, _ values: [ABIValue]) -> Log {
        // The values are built above to match each event's declared types.
        let (topics, data) = try! event.encodeLog(values)
        return Log(address: SystemAddress.exchange, topics: topics, data: data)
    }
}
