import Matching

/// The optional `markets` section of a genesis (docs/genesis.md): on-chain markets,
/// numbered from 1 in the order listed.
extension GenesisParser {
    func markets(_ field: JSONFieldReader?, cash: Genesis.CashToken, assets: [Genesis.ShareAsset]) throws(GenesisError) -> [MarketDefinition] {
        guard let field else { return [] }
        var out: [MarketDefinition] = []
        var symbols: [String: UInt32] = [:]
        for item in try field.array() {
            try item.onlyKeys(["symbol", "base", "schedule", "tick", "lot", "minQuantity", "maxQuantity", "makerFeeBps",
                               "takerFeeBps", "feeAccount", "luldTier", "collarBps", "collarReference"])
            let id = UInt32(out.count + 1)
            let symbolField = try item.field("symbol")
            let symbol = try symbolField.string()
            let valid = symbol.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2e || $0 == 0x2d }
            guard (1...24).contains(symbol.utf8.count), valid else {
                throw symbolField.fail("'\(symbol)' is not a market symbol (1 to 24 of A-Z, 0-9, '.' and '-')")
            }
            guard symbols[symbol] == nil else { throw symbolField.fail("duplicate market symbol '\(symbol)'") }
            let baseField = try item.field("base")
            let baseSymbol = try baseField.string()
            guard let base = assets.first(where: { $0.symbol == baseSymbol }) else {
                throw baseField.fail("unknown share asset '\(baseSymbol)'")
            }
            let scheduleField = try item.field("schedule")
            let schedule: MarketDefinition.Schedule
            switch try scheduleField.string() {
            case "XNYS": schedule = .xnys
            case "24x7": schedule = .alwaysOpen
            default: throw scheduleField.fail("must be \"XNYS\" (exchange sessions) or \"24x7\"")
            }
            let tickField = try item.field("tick")
            let tick = try amount(tickField, decimals: cash.decimals)
            guard let tick64 = Int64(exactly: tick) else { throw tickField.fail("is too large") }
            let lot = try amount(item.field("lot"), decimals: 18)
            let minField = try item.field("minQuantity"), maxField = try item.field("maxQuantity")
            let minQuantity = try amount(minField, decimals: 18), maxQuantity = try amount(maxField, decimals: 18)
            guard lot > 0, minQuantity % lot == 0, maxQuantity % lot == 0,
                  let minLots = Int64(exactly: minQuantity / lot), let maxLots = Int64(exactly: maxQuantity / lot) else {
                throw item.fail("lot must be positive and minQuantity and maxQuantity whole lots")
            }
            var luld: LULDTier?
            if let tierField = try item.optionalField("luldTier") {
                guard let tier = LULDTier(rawValue: UInt8(truncatingIfNeeded: try tierField.uint64())), try tierField.uint64() <= 2 else {
                    throw tierField.fail("must be 1 or 2")
                }
                luld = tier
            }
            var collar: Int64?
            if let collarField = try item.optionalField("collarBps") {
                guard schedule == .alwaysOpen else { throw collarField.fail("only a 24x7 market has an overnight collar") }
                collar = Int64(clamping: try collarField.uint64())
            }
            var reference: UInt32?
            if let referenceField = try item.optionalField("collarReference") {
                let name = try referenceField.string()
                guard let ref = symbols[name], out[Int(ref) - 1].schedule == .xnys, out[Int(ref) - 1].base == base.address else {
                    throw referenceField.fail("must name an XNYS market of the same asset listed before this one")
                }
                reference = ref
            }
            let definition = MarketDefinition(
                id: id, symbol: symbol, base: base.address, quote: cash.address, schedule: schedule, tick: tick64, lotSize: lot,
                minLots: minLots, maxLots: maxLots, makerFeeBps: try bps(item.field("makerFeeBps")),
                takerFeeBps: try bps(item.field("takerFeeBps")), feeAccount: try item.field("feeAccount").address(),
                luldTier: luld, collarBps: collar, referenceMarket: reference)
            if let problem = definition.problem { throw item.fail(problem) }
            do { _ = try Market(definition: definition) } catch { throw item.fail(error.description) }
            symbols[symbol] = id
            out.append(definition)
        }
        return out
    }

    private func amount(_ field: JSONFieldReader, decimals: Int) throws(GenesisError) -> UInt128 {
        let text = try field.string()
        do { return try Amount.parse(text, decimals: decimals) } catch { throw field.fail(error.description) }
    }

    private func bps(_ field: JSONFieldReader) throws(GenesisError) -> UInt16 {
        guard let v = UInt16(exactly: try field.uint64()), v <= 10_000 else { throw field.fail("must be from 0 to 10000 basis points") }
        return v
    }
}
