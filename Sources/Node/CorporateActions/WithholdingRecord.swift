/// A holder's dividend withholding totals for tax reporting (state key tag 0x0E, by
/// holder); each payment's details stay in its `DividendEntitlement`.
public struct WithholdingRecord: Sendable, Equatable {
    /// Gross USD units of every dividend paid to the holder.
    public var gross: UInt128
    /// USD units withheld from them (held in `SystemAddress.withholding`).
    public var withheld: UInt128
    /// Number of dividend payments.
    public var payments: UInt64

    public init(gross: UInt128 = 0, withheld: UInt128 = 0, payments: UInt64 = 0) {
        self.gross = gross
        self.withheld = withheld
        self.payments = payments
    }
}
