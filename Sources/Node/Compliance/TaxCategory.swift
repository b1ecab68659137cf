/// A holder's category for US withholding on dividends, from the identity registry.
///
/// The default rates are the common cases of US withholding on dividends paid to
/// holders of US shares; an issuer may configure others.
public enum TaxCategory: String, Sendable, Hashable, CaseIterable, Codable {
    /// A US person (W-9 on file): no withholding.
    case domestic
    /// A foreign person in a treaty country (W-8BEN with treaty claim): 15%.
    case treaty
    /// A foreign person with no treaty benefit: the statutory 30%.
    case nonTreaty
    /// An exempt recipient (e.g. a qualified intermediary or tax-exempt entity): none.
    case exempt

    /// The default withholding rate in basis points.
    public var defaultWithholdingBasisPoints: UInt16 {
        switch self {
        case .domestic, .exempt: return 0
        case .treaty: return 1_500
        case .nonTreaty: return 3_000
        }
    }
}
