/// A custody deposit that was minted: recorded under its deposit id so that the same
/// deposit can never be minted twice.
public struct Deposit: Sendable, Equatable {
    public var id: Bytes32
    public var token: Address
    public var recipient: Address
    public var amount: UInt128
    public var blockNumber: UInt64

    public init(id: Bytes32, token: Address, recipient: Address, amount: UInt128, blockNumber: UInt64) {
        self.id = id
        self.token = token
        self.recipient = recipient
        self.amount = amount
        self.blockNumber = blockNumber
    }
}
