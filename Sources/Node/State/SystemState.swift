/// Chain-wide state: who holds the privileged roles, what is paused everywhere, and
/// the counters that number new records.
public struct SystemState: Sendable, Equatable {
    public var issuer: Address
    public var custodian: Address
    public var compliance: Address
    /// Pauses that apply to every token.
    public var paused: PauseScope
    /// The id the next redemption gets.
    public var nextRedemptionId: UInt64

    public init(issuer: Address, custodian: Address, compliance: Address, paused: PauseScope = [], nextRedemptionId: UInt64 = 1) {
        self.issuer = issuer
        self.custodian = custodian
        self.compliance = compliance
        self.paused = paused
        self.nextRedemptionId = nextRedemptionId
    }
}
