/// A verified investor in the identity registry (in the manner of ERC-3643's
/// identity registry): one investor may hold several wallets.
public struct Identity: Sendable, Hashable {
    /// The issuer's or transfer agent's investor reference.
    public var investorId: String
    /// ISO 3166-1 alpha-2 country of residence, uppercase.
    public var country: String
    /// The KYC verification is valid until this block timestamp (seconds, exclusive).
    public var kycExpiry: UInt64
    /// Withholding category for dividends.
    public var taxCategory: TaxCategory
    /// The investor's wallets.
    public var wallets: [Address]

    public init(investorId: String, country: String, kycExpiry: UInt64, taxCategory: TaxCategory, wallets: [Address]) {
        self.investorId = investorId
        self.country = country
        self.kycExpiry = kycExpiry
        self.taxCategory = taxCategory
        self.wallets = wallets
    }

    /// Whether the verification is current at `time` (a block timestamp).
    public func isVerified(at time: UInt64) -> Bool { time < kycExpiry }
}
