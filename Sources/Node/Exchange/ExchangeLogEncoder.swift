/// The logs of exchange events, emitted by `SystemAddress.exchange`.
enum ExchangeLogEncoder {
    static func log(_ event: ExchangeEvent) -> Log {
        typealias I = ExchangeInterface
        func u(_ v: UInt64) -> ABIValue { .uint(UInt256(v)) }
        func p(_ v: Int64) -> ABIValue { .uint(UInt256(UInt64(bitPattern: v))) }
        switch event {
        case let .accepted(market, order, owner, client, side, price, quantity):
            return encode(I.orderAcceptedEvent, [u(UInt64(market)), u(order), .address(owner), u(client), u(UInt64(side.rawValue)),
                                                 p(price), .amount(quantity)])
        case let .rejected(market, order, owner, client, reason, message):
            return encode(I.orderRejectedEvent, [u(UInt64(market)), u(order), .address(owner), u(client), u(UInt64(reason)), .string(message)])
        case let .trade(market, maker, taker, makerOwner, takerOwner, takerSide, price, quantity, cash, makerFee, takerFee):
            return encode(I.tradeEvent, [u(UInt64(market)), u(maker), u(taker), .address(makerOwner), .address(takerOwner),
                                         u(UInt64(takerSide)), p(price), .amount(quantity), .amount(cash), .amount(makerFee), .amount(takerFee)])
        case let .cancelled(market, order, owner, client, quantity, remaining, reason):
            return encode(I.orderCancelledEvent, [u(UInt64(market)), u(order), .address(owner), u(client), .amount(quantity),
                                                  .amount(remaining), u(UInt64(reason))])
        case let .amended(market, order, owner, client, price, remaining):
            return encode(I.orderAmendedEvent, [u(UInt64(market)), u(order), .address(owner), u(client), p(price), .amount(remaining)])
        case let .listed(market, symbol, base):
            return encode(I.marketListedEvent, [u(UInt64(market)), .string(symbol), .address(base)])
        case let .auction(market, kind, price, quantity):
            return encode(I.auctionEvent, [u(UInt64(market)), u(UInt64(kind)), p(price), .amount(quantity)])
        }
    }

    private static func encode(_ event: ABIEvent, _ values: [ABIValue]) -> Log {
        // The values are built above to match each event's declared types.
        let (topics, data) = try! event.encodeLog(values)
        return Log(address: SystemAddress.exchange, topics: topics, data: data)
    }
}
