/// The valid prices of a market: a table of bands, each from a start price upwards
/// with its own tick, prices being integer price units.
///
/// The Reg NMS preset (Rule 612) uses price units of $0.0001: a tick of $0.01 (100
/// units) at or above $1.00 (10,000 units) and of $0.0001 (1 unit) below.
public struct TickTable: Sendable, Hashable {
    /// One band: prices at or above `start` (up to the next band) are multiples of
    /// `tick` counted from `start`.
    public struct Band: Sendable, Hashable {
        /// The lowest price of the band, in price units.
        public var start: Int64
        /// The tick inside the band, in price units.
        public var tick: Int64

        /// Creates a band.
        public init(start: Int64, tick: Int64) {
            self.start = start
            self.tick = tick
        }
    }

    /// The bands in increasing `start`; the first starts at 0.
    public let bands: [Band]
    /// The tick ordinal of each band's start (see `ordinal(of:)`).
    private let ordinalStarts: [Int64]

    /// Validates and creates a table. The first band must start at 0, starts must
    /// increase, ticks must be positive and each start must lie on the tick of the
    /// band below it (so that every band boundary is itself a valid price).
    public init(bands: [Band]) throws(MarketRulesError) {
        guard let first = bands.first, first.start == 0 else { throw .tickTableMustStartAtZero }
        for (index, band) in bands.enumerated() {
            guard band.tick > 0 else { throw .nonPositiveTick(band.start) }
            if index > 0 {
                let below = bands[index - 1]
                guard band.start > below.start else { throw .bandsNotIncreasing(band.start) }
                guard (band.start - below.start) % below.tick == 0 else {
                    throw .bandStartOffTick(band.start)
                }
            }
        }
        self.init(unchecked: bands)
    }

    private init(unchecked bands: [Band]) {
        self.bands = bands
        var starts: [Int64] = [0]
        for index in bands.indices.dropFirst() {
            let below = bands[index - 1]
            starts.append(starts[index - 1] + (bands[index].start - below.start) / below.tick)
        }
        ordinalStarts = starts
    }

    /// One tick everywhere.
    public static func uniform(tick: Int64) throws(MarketRulesError) -> TickTable {
        try TickTable(bands: [Band(start: 0, tick: tick)])
    }

    /// The Reg NMS Rule 612 preset in price units of $0.0001.
    public static let regNMS = TickTable(unchecked: [
        Band(start: 0, tick: 1), Band(start: 10_000, tick: 100),
    ])

    /// The band index holding `price` (price > 0).
    @inline(__always)
    private func bandIndex(_ price: Int64) -> Int {
        var index = bands.count - 1
        while index > 0 && bands[index].start > price { index -= 1 }
        return index
    }

    /// True when `price` is positive and on its band's tick.
    @inline(__always)
    public func isValid(_ price: Int64) -> Bool {
        guard price > 0 else { return false }
        let band = bands[bandIndex(price)]
        return band.tick == 1 || (price - band.start) % band.tick == 0
    }

    /// The position of a valid price among all valid prices: 0 for price 0, then 1, 2,
    /// ... tick by tick across the bands. It orders prices as they are ordered and
    /// neighbouring valid prices have neighbouring ordinals, which is what the book's
    /// price ladder indexes by. Never larger than the price.
    @inline(__always)
    func ordinal(of price: Int64) -> Int64 {
        let index = bandIndex(price)
        let band = bands[index]
        let steps = band.tick == 1 ? price - band.start : (price - band.start) / band.tick
        return ordinalStarts[index] + steps
    }

    /// The highest valid price strictly below `price`, or `nil` if there is none.
    public func price(below price: Int64) -> Int64? {
        guard price > 1 else { return nil }
        let target = price - 1
        let band = bands[bandIndex(target)]
        let result = band.start + (target - band.start) / band.tick * band.tick
        return result > 0 ? result : nil
    }

    /// The lowest valid price strictly above `price`, or `nil` on overflow.
    public func price(above price: Int64) -> Int64? {
        guard price < Int64.max - 1 else { return nil }
        let target = max(price + 1, 1)
        let index = bandIndex(target)
        let band = bands[index]
        let steps = (target - band.start + band.tick - 1) / band.tick
        let (up, overflow) = band.tick.multipliedReportingOverflow(by: steps)
        guard !overflow, up <= Int64.max - band.start else { return nil }
        let result = band.start + up
        if index + 1 < bands.count { return min(result, bands[index + 1].start) }
        return result
    }
}
