/// Integer arithmetic for price bands `reference ± offset`, where the offset is a
/// rational `numerator / 10_000` price units (basis points of the reference, or a
/// fixed amount scaled by 10 000), each edge rounded to the nearest multiple of
/// `rounding` price units, halves rounded up.
enum BandEdges {
    /// The lower and upper edge. The lower edge never falls below one price unit.
    static func edges(
        reference: Int64, offsetNumerator: Int64, rounding: Int64
    ) throws(VolatilityError) -> (lower: Int64, upper: Int64) {
        let (scaled, overflow) = reference.multipliedReportingOverflow(by: 10_000)
        guard !overflow else { throw .priceTooLarge(reference) }
        let (upperScaled, upperOverflow) = scaled.addingReportingOverflow(offsetNumerator)
        guard !upperOverflow else { throw .priceTooLarge(reference) }
        let upper = try round(upperScaled, rounding: rounding, reference: reference)
        let lowerScaled = scaled - offsetNumerator
        let lower = lowerScaled <= 0 ? 1 : max(1, try round(lowerScaled, rounding: rounding, reference: reference))
        return (lower, upper)
    }

    /// `value / 10_000` rounded to the nearest multiple of `rounding`, halves up (value > 0).
    private static func round(_ value: Int64, rounding: Int64, reference: Int64) throws(VolatilityError) -> Int64 {
        let (divisor, overflow) = rounding.multipliedReportingOverflow(by: 10_000)
        guard !overflow else { throw .priceTooLarge(reference) }
        let quotient = value / divisor, remainder = value % divisor
        let steps = remainder * 2 >= divisor ? quotient + 1 : quotient
        let (result, resultOverflow) = steps.multipliedReportingOverflow(by: rounding)
        guard !resultOverflow else { throw .priceTooLarge(reference) }
        return result
    }
}
