import Matching

/// The JSON shapes of the market methods and subscriptions (docs/api.md): prices as
/// decimal USD strings, quantities as decimal share strings, ids as numbers.
enum MarketJSON {
    static func price(_ units: Int64?) -> JSONValue {
        guard let units, units >= 0 else { return .null }
        return .string(Amount.format(UInt128(units), decimals: 6))
    }

    static func shares(_ units: UInt128) -> JSONValue { .string(Amount.format(units, decimals: 18)) }

    static func cash(_ units: UInt128) -> JSONValue { .string(Amount.format(units, decimals: 6)) }

    static func phase(_ phase: SessionPhase) -> JSONValue {
        switch phase {
        case .closed: return .string("closed")
        case .preMarket: return .string("preMarket")
        case .openingAuction: return .string("openingAuction")
        case .continuous: return .string("continuous")
        case .closingAuction: return .string("closingAuction")
        case .afterHours: return .string("afterHours")
        case .halted: return .string("halted")
        case .reopeningAuction: return .string("reopeningAuction")
        }
    }

    static func levels(_ levels: [MarketView.Level], lotSize: UInt128) -> JSONValue {
        .array(levels.map { .object(["price": price($0.price), "quantity": shares(UInt128($0.lots) * lotSize), "orders": .unsigned(UInt64($0.orders))]) })
    }

    /// The session part of a market: phase, halt, reference prices, band.
    static func session(_ v: MarketView) -> [String: JSONValue] {
        [
            "phase": phase(v.phase),
            "halt": v.halt.map { .object([
                "reason": .string($0.reason == .collar ? "collar" : "limitStatePause"),
                "since": .unsigned(UInt64($0.since / 1_000_000_000)), "reopensAt": .unsigned(UInt64($0.reopensAt / 1_000_000_000)),
            ]) } ?? .null,
            "officialClose": price(v.officialClose),
            "lastTradePrice": price(v.lastTradePrice),
            "luldReference": price(v.luldReference),
            "collarReference": price(v.collarReference),
            "priceBand": v.band.map { .object(["lower": price($0.lower), "upper": price($0.upper)]) } ?? .null,
        ]
    }

    static func market(_ v: MarketView) -> JSONValue {
        let d = v.definition
        var object = session(v)
        object["id"] = .unsigned(UInt64(d.id))
        object["symbol"] = .string(d.symbol)
        object["base"] = .address(d.base)
        object["quote"] = .address(d.quote)
        object["schedule"] = .string(d.schedule == .xnys ? "XNYS" : "24x7")
        object["tick"] = price(d.tick)
        object["lot"] = shares(d.lotSize)
        object["minQuantity"] = shares(UInt128(d.minLots) * d.lotSize)
        object["maxQuantity"] = shares(UInt128(d.maxLots) * d.lotSize)
        object["makerFeeBps"] = .unsigned(UInt64(d.makerFeeBps))
        object["takerFeeBps"] = .unsigned(UInt64(d.takerFeeBps))
        object["feeAccount"] = .address(d.feeAccount)
        object["collarBps"] = d.collarBps.map { .unsigned(UInt64($0)) } ?? .null
        object["collarReferenceMarket"] = d.referenceMarket.map { .unsigned(UInt64($0)) } ?? .null
        object["multiplierEpoch"] = .unsigned(v.multiplierEpoch)
        object["restingOrders"] = .unsigned(UInt64(v.restingOrders))
        object["bestBid"] = price(v.bids.first?.price)
        object["bestAsk"] = price(v.asks.first?.price)
        return .object(object)
    }

    static func order(_ o: ExchangeOrder, resting: RestingOrder?, lotSize: UInt128) -> JSONValue {
        .object([
            "market": .unsigned(UInt64(o.market)), "orderId": .unsigned(o.id), "owner": .address(o.owner),
            "clientOrderId": .unsigned(o.clientOrderId), "side": .string(o.side == .buy ? "buy" : "sell"),
            "price": price(o.price), "remaining": shares(UInt128(o.remaining) * lotSize),
            "displayed": resting.map { shares(UInt128($0.displayed) * lotSize) } ?? .null,
            "locked": .quantity(o.locked),
            "waitingForAuction": .bool(resting == nil),
        ])
    }

    /// A decoded `Trade` log, or nil for any other log.
    static func trade(_ log: Log, block: UInt64, transaction: Bytes32) -> (market: UInt32, json: JSONValue)? {
        guard log.address == SystemAddress.exchange, log.topics.first == ExchangeInterface.tradeEvent.topic,
              let v = try? ExchangeInterface.tradeEvent.decodeLog(topics: log.topics, data: log.data), v.count == 11,
              let market = (try? v[0].uint256())?.uint64.flatMap(UInt32.init(exactly:)),
              let price = (try? v[6].uint256())?.uint64, let quantity = try? v[7].amount(), let cashAmount = try? v[8].amount(),
              let makerFee = try? v[9].amount(), let takerFee = try? v[10].amount() else { return nil }
        let side = (try? v[5].uint256())?.uint64
        return (market, .object([
            "market": .unsigned(UInt64(market)), "blockNumber": .quantity(block), "transactionHash": .hash(transaction),
            "makerOrderId": .unsigned((try? v[1].uint256())?.uint64 ?? 0), "takerOrderId": .unsigned((try? v[2].uint256())?.uint64 ?? 0),
            "maker": (try? v[3].address()).map(JSONValue.address) ?? .null, "taker": (try? v[4].address()).map(JSONValue.address) ?? .null,
            "takerSide": .string(side == 0 ? "buy" : side == 1 ? "sell" : "auction"),
            "price": .string(Amount.format(UInt128(price), decimals: 6)), "quantity": shares(quantity), "cash": Self.cash(cashAmount),
            "makerFee": Self.cash(makerFee), "takerFee": Self.cash(takerFee),
        ]))
    }
}
