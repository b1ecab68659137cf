/// A redemption: tokens burned on chain whose shares the custodian must deliver out
/// of the reserve to the holder's brokerage account. The bridge follows these.
public struct Redemption: Sendable, Equatable {
    /// Sequential, starting at 1.
    public var id: UInt64
    public var token: Address
    public var holder: Address
    /// Raw units burned.
    public var amount: UInt128
    /// The holder's brokerage account to deliver to, as given in the call.
    public var brokerageAccountRef: String
    /// Block in which it was requested.
    public var blockNumber: UInt64

    public init(id: UInt64, token: Address, holder: Address, amount: UInt128, brokerageAccountRef: String, blockNumber: UInt64) {
        self.id = id
        self.token = token
        self.holder = holder
        self.amount = amount
        self.brokerageAccountRef = brokerageAccountRef
        self.blockNumber = blockNumber
    }
}
