/// The LULD price bands around a reference price.
///
/// Percentage parameters (Plan, Appendix A), by the reference price `P`:
///
/// | reference price      | Tier 1           | Tier 2           |
/// |----------------------|------------------|------------------|
/// | P > $3.00            | 5%               | 10%              |
/// | $0.75 ≤ P ≤ $3.00    | 20%              | 20%              |
/// | P < $0.75            | lesser of $0.15 or 75% | lesser of $0.15 or 75% |
///
/// The parameters are doubled from the open for `openingDoubleNanos` (09:30–09:45)
/// for every stock, and for `closingDoubleNanos` before the close (15:35–16:00,
/// or the last 25 minutes before an early close) for Tier 1 stocks and for Tier 2
/// stocks with a reference price of $3.00 or less. Doubling the sub-$0.75 rule
/// doubles both terms (lesser of $0.30 or 150%), and a lower band that would fall
/// to zero or below is held at one price unit. Each band is `P ± offset` rounded
/// to the nearest `bandRounding` (a penny), halves up.
public struct LULDBands: Sendable, Hashable, Codable {
    /// The reference price the bands are computed around.
    public let reference: Int64
    /// The lowest price a trade may print at.
    public let lower: Int64
    /// The highest price a trade may print at.
    public let upper: Int64
    /// Whether the percentage parameters were doubled.
    public let doubled: Bool

    /// The bands for `reference` under `parameters`, doubled or not.
    public init(reference: Int64, parameters: LULDParameters, doubled: Bool) throws(VolatilityError) {
        guard reference > 0 else { throw .nonPositive(field: "reference price", value: reference) }
        let dollar = parameters.priceUnitsPerDollar
        let factor: Int64 = doubled ? 2 : 1
        let offsetNumerator: Int64
        if reference > 3 * dollar {
            let basisPoints: Int64 = parameters.tier == .tier1 ? 500 : 1_000
            offsetNumerator = try Self.product(reference, basisPoints * factor)
        } else if reference * 4 >= 3 * dollar {
            offsetNumerator = try Self.product(reference, 2_000 * factor)
        } else {
            // Lesser of $0.15 (15 cents scaled by 10 000) or 75% of the reference.
            let fixed = try Self.product(dollar, 1_500 * factor)
            offsetNumerator = min(fixed, try Self.product(reference, 7_500 * factor))
        }
        let (lower, upper) = try BandEdges.edges(
            reference: reference, offsetNumerator: offsetNumerator, rounding: parameters.bandRounding)
        self.reference = reference
        self.lower = lower
        self.upper = upper
        self.doubled = doubled
    }

    /// Whether the plan doubles the parameters at `now` on a day opening at
    /// `regularOpen` and closing at `regularClose` (all nanoseconds since the epoch).
    public static func isDoubled(
        reference: Int64, parameters: LULDParameters, now: Int64, regularOpen: Int64, regularClose: Int64
    ) -> Bool {
        if now >= regularOpen && now < regularOpen + parameters.openingDoubleNanos { return true }
        guard now >= regularClose - parameters.closingDoubleNanos && now < regularClose else { return false }
        return parameters.tier == .tier1 || reference <= 3 * parameters.priceUnitsPerDollar
    }

    /// Whether a trade may print at `price`.
    public func contains(_ price: Int64) -> Bool { price >= lower && price <= upper }

    private static func product(_ a: Int64, _ b: Int64) throws(VolatilityError) -> Int64 {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw .priceTooLarge(a) }
        return value
    }
}

extension LULDBands {
    /// The band the book enforces.
    public var priceBand: PriceBand { PriceBand(lower: lower, upper: upper) }
}
