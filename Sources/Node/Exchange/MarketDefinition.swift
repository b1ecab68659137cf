import Matching

/// A market's fixed parameters, as declared in genesis (or listed later by the issuer):
/// what it trades, its tick and lot, its schedule, its volatility controls and fees.
///
/// Units: prices are USD in the cash token's 6-decimal units per whole share (`tick`
/// is one of them); quantities on the wire are shares with 18 decimals, and the book
/// counts lots of `lotSize` such units. `tick × lotSize` is a whole number of cash
/// units × 10^18, so the cash amount of every fill is exact.
public struct MarketDefinition: Sendable, Equatable {
    /// How the market trades over the day.
    public enum Schedule: UInt8, Sendable, Equatable {
        /// The XNYS calendar: pre-market, opening auction, continuous, closing auction, after-hours.
        case xnys = 0
        /// Continuous around the clock, with the XNYS calendar for LULD hours and DAY expiry,
        /// and the overnight collar outside regular hours.
        case alwaysOpen = 1
    }

    /// The market's number, from 1, in declaration order.
    public var id: UInt32
    /// A short name, e.g. `AAPL-XNYS`.
    public var symbol: String
    /// The share token traded.
    public var base: Address
    /// The cash token prices and fees are paid in.
    public var quote: Address
    public var schedule: Schedule
    /// The price increment in cash units (6 decimals) per share.
    public var tick: Int64
    /// One lot in share units (18 decimals); divides 10^18.
    public var lotSize: UInt128
    /// The smallest and largest order, in lots.
    public var minLots: Int64
    public var maxLots: Int64
    /// Fees in basis points of the cash amount of each fill, paid in cash to `feeAccount`.
    public var makerFeeBps: UInt16
    public var takerFeeBps: UInt16
    public var feeAccount: Address
    /// LULD tier during regular hours (nil: no LULD bands).
    public var luldTier: LULDTier?
    /// The overnight collar of a 24x7 market in basis points (nil: none).
    public var collarBps: Int64?
    /// The session market whose official close centres this market's collar.
    public var referenceMarket: UInt32?

    public init(id: UInt32, symbol: String, base: Address, quote: Address, schedule: Schedule, tick: Int64, lotSize: UInt128,
                minLots: Int64, maxLots: Int64, makerFeeBps: UInt16, takerFeeBps: UInt16, feeAccount: Address,
                luldTier: LULDTier?, collarBps: Int64?, referenceMarket: UInt32?) {
        self.id = id
        self.symbol = symbol
        self.base = base
        self.quote = quote
        self.schedule = schedule
        self.tick = tick
        self.lotSize = lotSize
        self.minLots = minLots
        self.maxLots = maxLots
        self.makerFeeBps = makerFeeBps
        self.takerFeeBps = takerFeeBps
        self.feeAccount = feeAccount
        self.luldTier = luldTier
        self.collarBps = collarBps
        self.referenceMarket = referenceMarket
    }

    /// 10^18: share units per share.
    public static let shareUnit: UInt128 = 1_000_000_000_000_000_000

    /// Lots per share.
    public var lotsPerShare: Int64 { Int64(Self.shareUnit / lotSize) }

    /// The fee a bid's lock must cover: the larger of the two rates.
    public var maxFeeBps: UInt16 { max(makerFeeBps, takerFeeBps) }

    /// Why a definition is inconsistent, or nil. Genesis refuses such a market.
    public var problem: String? {
        if tick <= 0 { return "tick must be positive" }
        if lotSize == 0 || Self.shareUnit % lotSize != 0 { return "lot must divide one share (1, 0.1, 0.01, …)" }
        // tick × lot / 10^18 must be whole cash units: every fill's cash amount is then exact.
        let (product, overflow) = UInt128(tick).multipliedReportingOverflow(by: lotSize)
        if overflow || product % Self.shareUnit != 0 { return "tick × lot must be a whole number of cash units" }
        if minLots <= 0 || minLots > maxLots { return "minQuantity must be positive and not above maxQuantity" }
        if makerFeeBps > 10_000 || takerFeeBps > 10_000 { return "fees are at most 10000 basis points" }
        if let collarBps, collarBps <= 0 || collarBps >= 10_000 { return "collarBps must be from 1 to 9999" }
        return nil
    }

    /// The book's rules.
    public func rules() throws(MarketRulesError) -> MarketRules {
        try MarketRules(tickTable: TickTable.uniform(tick: tick), lotsPerShare: lotsPerShare, minQuantity: minLots,
                        maxQuantity: maxLots)
    }

    /// The session engine's configuration. Prices are in cash units (10^6 per dollar);
    /// bands and the collar round to the cent.
    public func configuration() throws(VolatilityError) -> MarketConfiguration {
        let luld = try luldTier.map { (tier) throws(VolatilityError) in
            try LULDParameters(tier: tier, priceUnitsPerDollar: 1_000_000)
        }
        switch schedule {
        case .xnys:
            return try MarketConfiguration(schedule: .calendar(.xnys), luld: luld)
        case .alwaysOpen:
            let collar = try collarBps.map { (bps) throws(VolatilityError) in try OvernightCollar(basisPoints: bps, rounding: 10_000) }
            return try MarketConfiguration(schedule: .alwaysOpen(exchange: .xnys), luld: luld, collar: collar)
        }
    }
}
