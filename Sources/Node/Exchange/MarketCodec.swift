import Foundation
import Matching

/// The stored form of markets and order records (tags 0x10 and 0x11 of `StateKey`).
///
/// A market is one RLP list: its definition, the order book's snapshot bytes
/// (`OrderBook.snapshot()`, restored by its strict decoder), the session state as JSON
/// with sorted keys (canonical: equal states give equal bytes), then the exchange's
/// counters. An order record is an RLP list of its fields.
public enum MarketCodec {
    static func int(_ v: Int64) -> RLPItem { .uint(UInt64(bitPattern: v)) }
    static func optional(_ v: Int64?) -> RLPItem { .list(v.map { [int($0)] } ?? []) }

    public static func encode(_ m: Market) -> [UInt8] {
        let d = m.definition
        let snapshot = m.session.snapshot()
        let definition: RLPItem = .list([
            .uint(UInt64(d.id)), .bytes(Array(d.symbol.utf8)), .bytes(d.base.bytes), .bytes(d.quote.bytes),
            .uint(UInt64(d.schedule.rawValue)), int(d.tick), .uint(UInt256(d.lotSize)), int(d.minLots), int(d.maxLots),
            .uint(UInt64(d.makerFeeBps)), .uint(UInt64(d.takerFeeBps)), .bytes(d.feeAccount.bytes),
            .uint(UInt64(d.luldTier?.rawValue ?? 0)), optional(d.collarBps), .uint(UInt64(d.referenceMarket ?? 0)),
        ])
        return RLPItem.list([
            definition, .bytes(snapshot.book), .bytes(sessionJSON(snapshot.state)), .uint(m.nextOrderId), .uint(m.multiplierEpoch),
            optional(m.appliedReferenceClose),
        ]).encoded
    }

    /// The session state's canonical JSON.
    static func sessionJSON(_ state: SessionState) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // SessionState holds integers, strings and enums only: encoding cannot fail.
        return Array(try! encoder.encode(state))
    }

    public static func encode(_ o: ExchangeOrder) -> [UInt8] {
        RLPItem.list([
            .uint(UInt64(o.market)), .uint(o.id), .bytes(o.owner.bytes), .uint(o.clientOrderId), .uint(UInt64(o.side.rawValue)),
            int(o.price), int(o.remaining), .uint(UInt256(o.locked)),
        ]).encoded
    }

    private static func run<T>(_ body: () throws(RLPError) -> T) throws(StateCodec.Failure) -> T {
        do { return try body() } catch { throw StateCodec.Failure(error) }
    }

    private static func readInt(_ r: inout RLPReader) throws(RLPError) -> Int64 { Int64(bitPattern: try r.readUInt64()) }

    private static func readOptional(_ r: inout RLPReader) throws(RLPError) -> Int64? {
        var list = try r.readList()
        if list.isAtEnd { return nil }
        let v = try readInt(&list)
        try list.finish()
        return v
    }

    private static func readAmount(_ r: inout RLPReader) throws(RLPError) -> UInt128 {
        guard let v = try r.readUInt256().uint128 else { throw .integerTooLarge(maxBytes: 16) }
        return v
    }

    public static func decodeMarket(_ bytes: [UInt8]) throws(StateCodec.Failure) -> Market {
        typealias Parts = (MarketDefinition?, [UInt8], [UInt8], UInt64, UInt64, Int64?)
        let parts: Parts = try run { () throws(RLPError) -> Parts in
            var outer = RLPReader(bytes)
            var r = try outer.readList()
            try outer.finish()
            var d = try r.readList()
            let id = try d.readUInt64(), symbol = String(decoding: try d.readBytes(), as: UTF8.self)
            let base = try d.readAddress(), quote = try d.readAddress()
            let schedule = MarketDefinition.Schedule(rawValue: UInt8(truncatingIfNeeded: try d.readUInt64()))
            let tick = try readInt(&d), lot = try readAmount(&d), minLots = try readInt(&d), maxLots = try readInt(&d)
            let maker = try d.readUInt64(), taker = try d.readUInt64(), feeAccount = try d.readAddress()
            let tier = try d.readUInt64(), collar = try readOptional(&d), reference = try d.readUInt64()
            try d.finish()
            var definition: MarketDefinition?
            if let schedule, let id32 = UInt32(exactly: id), let makerBps = UInt16(exactly: maker),
               let takerBps = UInt16(exactly: taker), let ref = UInt32(exactly: reference) {
                definition = MarketDefinition(
                    id: id32, symbol: symbol, base: base, quote: quote, schedule: schedule, tick: tick, lotSize: lot,
                    minLots: minLots, maxLots: maxLots, makerFeeBps: makerBps, takerFeeBps: takerBps, feeAccount: feeAccount,
                    luldTier: tier == 0 ? nil : LULDTier(rawValue: UInt8(truncatingIfNeeded: tier)), collarBps: collar,
                    referenceMarket: ref == 0 ? nil : ref)
                if tier != 0 && definition?.luldTier == nil { definition = nil }
            }
            let book = Array(try r.readBytes()), state = Array(try r.readBytes())
            let next = try r.readUInt64(), epoch = try r.readUInt64(), applied = try readOptional(&r)
            try r.finish()
            return (definition, book, state, next, epoch, applied)
        }
        guard let definition = parts.0, definition.problem == nil else { throw StateCodec.Failure("market definition is invalid") }
        let state: SessionState
        do { state = try JSONDecoder().decode(SessionState.self, from: Data(parts.2)) } catch {
            throw StateCodec.Failure("market \(definition.symbol) session state: \(error)")
        }
        let configuration: MarketConfiguration
        do { configuration = try definition.configuration() } catch {
            throw StateCodec.Failure("market \(definition.symbol) configuration: \(error)")
        }
        let session: MarketSession
        do { session = try MarketSession(configuration: configuration, snapshot: MarketSessionSnapshot(book: parts.1, state: state)) } catch {
            throw StateCodec.Failure("market \(definition.symbol) book: \(error)")
        }
        return Market(definition: definition, session: session, nextOrderId: parts.3, multiplierEpoch: parts.4,
                      appliedReferenceClose: parts.5)
    }

    public static func decodeOrder(_ bytes: [UInt8]) throws(StateCodec.Failure) -> ExchangeOrder {
        let order = try run { () throws(RLPError) -> ExchangeOrder? in
            var outer = RLPReader(bytes)
            var r = try outer.readList()
            try outer.finish()
            let market = try r.readUInt64(), id = try r.readUInt64(), owner = try r.readAddress(), client = try r.readUInt64()
            let side = Side(rawValue: UInt8(truncatingIfNeeded: try r.readUInt64()))
            let price = try readInt(&r), remaining = try readInt(&r), locked = try readAmount(&r)
            try r.finish()
            guard let side, let m = UInt32(exactly: market) else { return nil }
            return ExchangeOrder(market: m, id: id, owner: owner, clientOrderId: client, side: side, price: price,
                                 remaining: remaining, locked: locked)
        }
        guard let order else { throw StateCodec.Failure("order record has an invalid side or market") }
        return order
    }
}
