/// One holder's entitlement to one dividend, fixed at the record point (state key tag
/// 0x0B, by dividend id and holder). Written when the holder's share is settled; the
/// payment fields are filled when it is paid.
public struct DividendEntitlement: Sendable, Equatable {
    /// Gross USD units: `⌊balance of record × pointsPerRawUnit / 10^36⌋`.
    public var gross: UInt128
    /// Whether it was paid (claimed by the holder or pushed by the custodian).
    public var isPaid: Bool
    /// USD withheld at payment (0 before).
    public var withheld: UInt128
    /// The tax category applied at payment (meaningful once paid).
    public var taxCategory: TaxCategory
    /// Block timestamp of the payment (0 before).
    public var paidAt: UInt64

    public init(gross: UInt128, isPaid: Bool = false, withheld: UInt128 = 0, taxCategory: TaxCategory = .domestic, paidAt: UInt64 = 0) {
        self.gross = gross
        self.isPaid = isPaid
        self.withheld = withheld
        self.taxCategory = taxCategory
        self.paidAt = paidAt
    }

    /// USD paid to the holder: gross minus withholding.
    public var net: UInt128 { gross - withheld }
}
