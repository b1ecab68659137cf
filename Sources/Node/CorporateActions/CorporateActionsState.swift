/// The corporate-action part of `WorldState`: dividends, holder standings and
/// entitlements, per-token accumulators and multiplier histories, withholding
/// records and the calendar. `WorldState` journals every write through `Undo`.
public struct CorporateActionsState: Sendable {
    public private(set) var dividends: [UInt64: Dividend] = [:]
    public private(set) var holdings: [HoldingKey: DividendHolding] = [:]
    public private(set) var entitlements: [EntitlementKey: DividendEntitlement] = [:]
    public private(set) var assets: [Address: AssetCorporateState] = [:]
    public private(set) var multiplierHistory: [MultiplierKey: MultiplierChange] = [:]
    public private(set) var withholding: [Address: WithholdingRecord] = [:]
    public private(set) var schedule = CorporateActionSchedule()

    /// A holder in a token.
    public struct HoldingKey: Hashable, Sendable {
        public var token: Address
        public var holder: Address
    }

    /// A holder's entitlement to a dividend.
    public struct EntitlementKey: Hashable, Sendable {
        public var dividendId: UInt64
        public var holder: Address
    }

    /// A token's multiplier change by nonce.
    public struct MultiplierKey: Hashable, Sendable {
        public var token: Address
        public var nonce: UInt64
    }

    /// A previous value, to restore on revert.
    public enum Undo: Sendable {
        case dividend(UInt64, Dividend?)
        case holding(HoldingKey, DividendHolding?)
        case entitlement(EntitlementKey, DividendEntitlement?)
        case asset(Address, AssetCorporateState?)
        case multiplierChange(MultiplierKey, MultiplierChange?)
        case withholding(Address, WithholdingRecord?)
        case schedule(CorporateActionSchedule)
    }

    public init() {}

    // MARK: Reads

    public func holding(token: Address, holder: Address) -> DividendHolding {
        holdings[HoldingKey(token: token, holder: holder)] ?? DividendHolding()
    }

    public func entitlement(dividendId: UInt64, holder: Address) -> DividendEntitlement? {
        entitlements[EntitlementKey(dividendId: dividendId, holder: holder)]
    }

    public func asset(_ token: Address) -> AssetCorporateState { assets[token] ?? AssetCorporateState() }

    public func multiplierChange(token: Address, nonce: UInt64) -> MultiplierChange? {
        multiplierHistory[MultiplierKey(token: token, nonce: nonce)]
    }

    // MARK: Writes (each returns what `WorldState` journals)

    mutating func set(_ d: Dividend) -> Undo {
        defer { dividends[d.id] = d }
        return .dividend(d.id, dividends[d.id])
    }

    /// Stores a holder's standing; the default standing is stored as absent.
    mutating func set(_ h: DividendHolding, token: Address, holder: Address) -> Undo {
        let key = HoldingKey(token: token, holder: holder)
        defer { holdings[key] = h == DividendHolding() ? nil : h }
        return .holding(key, holdings[key])
    }

    mutating func set(_ e: DividendEntitlement, dividendId: UInt64, holder: Address) -> Undo {
        let key = EntitlementKey(dividendId: dividendId, holder: holder)
        defer { entitlements[key] = e }
        return .entitlement(key, entitlements[key])
    }

    mutating func set(_ a: AssetCorporateState, token: Address) -> Undo {
        defer { assets[token] = a }
        return .asset(token, assets[token])
    }

    mutating func set(_ c: MultiplierChange, token: Address) -> Undo {
        let key = MultiplierKey(token: token, nonce: c.nonce)
        defer { multiplierHistory[key] = c }
        return .multiplierChange(key, multiplierHistory[key])
    }

    mutating func set(_ w: WithholdingRecord, holder: Address) -> Undo {
        defer { withholding[holder] = w }
        return .withholding(holder, withholding[holder])
    }

    mutating func set(_ s: CorporateActionSchedule) -> Undo {
        defer { schedule = s }
        return .schedule(schedule)
    }

    mutating func undo(_ u: Undo) {
        switch u {
        case .dividend(let k, let v): dividends[k] = v
        case .holding(let k, let v): holdings[k] = v
        case .entitlement(let k, let v): entitlements[k] = v
        case .asset(let k, let v): assets[k] = v
        case .multiplierChange(let k, let v): multiplierHistory[k] = v
        case .withholding(let k, let v): withholding[k] = v
        case .schedule(let v): schedule = v
        }
    }

    // MARK: Stored form

    /// The stored value of a key, or nil when absent.
    func encodedValue(_ key: CorporateKey) -> [UInt8]? {
        switch key {
        case .dividend(let id): return dividends[id].map(StateCodec.encode)
        case .holding(let t, let h): return holdings[HoldingKey(token: t, holder: h)].map(StateCodec.encode)
        case .entitlement(let id, let h): return entitlements[EntitlementKey(dividendId: id, holder: h)].map(StateCodec.encode)
        case .asset(let t): return assets[t].map(StateCodec.encode)
        case .multiplierChange(let t, let n): return multiplierHistory[MultiplierKey(token: t, nonce: n)].map(StateCodec.encode)
        case .withholding(let h): return withholding[h].map(StateCodec.encode)
        case .schedule: return StateCodec.encode(schedule)
        }
    }

    /// Loads one stored leaf (opening a database); not journaled.
    mutating func load(_ key: CorporateKey, _ value: [UInt8]) throws(StateCodec.Failure) {
        switch key {
        case .dividend(let id): dividends[id] = try StateCodec.decodeDividend(value)
        case .holding(let t, let h): holdings[HoldingKey(token: t, holder: h)] = try StateCodec.decodeHolding(value)
        case .entitlement(let id, let h): entitlements[EntitlementKey(dividendId: id, holder: h)] = try StateCodec.decodeEntitlement(value)
        case .asset(let t): assets[t] = try StateCodec.decodeAsset(value)
        case .multiplierChange(let t, let n): multiplierHistory[MultiplierKey(token: t, nonce: n)] = try StateCodec.decodeMultiplierChange(value)
        case .withholding(let h): withholding[h] = try StateCodec.decodeWithholding(value)
        case .schedule: schedule = try StateCodec.decodeSchedule(value)
        }
    }
}
