/// One custody movement, identified by the custodian's reference. Booking the same
/// reference again is a no-op; booking it with different content is refused, so a
/// re-sent instruction can never count twice.
public struct Movement: Hashable, Sendable, Codable {
    /// The custodian's unique reference (SWIFT `:20C::SEME//`, a DTC id…); 1-35 characters.
    public let reference: String
    public let kind: MovementKind
    /// The safekeeping account the movement is booked on.
    public let account: SafekeepingAccount
    /// The security moved, or on which the dividend is paid.
    public let isin: ISIN
    /// Shares moved, or for `cashDividend` the cash amount in `currency`.
    public let quantity: Quantity
    /// ISO 4217 code of a cash dividend; nil for share movements.
    public let currency: String?
    public let tradeDate: SettlementDate
    /// The date the movement settles (becomes part of the settled position).
    public let settlementDate: SettlementDate
    /// The delivering or receiving party (BIC, DTC participant number, name), if known.
    public let counterparty: String?
    /// For a deposit to the reserve that should be minted: the chain address to mint to.
    public let chainAddress: WalletAddress?

    public init(
        reference: String, kind: MovementKind, account: SafekeepingAccount, isin: ISIN, quantity: Quantity,
        currency: String? = nil, tradeDate: SettlementDate, settlementDate: SettlementDate,
        counterparty: String? = nil, chainAddress: WalletAddress? = nil
    ) {
        self.reference = reference
        self.kind = kind
        self.account = account
        self.isin = isin
        self.quantity = quantity
        self.currency = currency
        self.tradeDate = tradeDate
        self.settlementDate = settlementDate
        self.counterparty = counterparty
        self.chainAddress = chainAddress
    }
}
