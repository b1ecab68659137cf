/// Who may spend whose tokens: the key of an ERC-20 allowance.
public struct AllowanceKey: Hashable, Sendable {
    public var token: Address
    public var owner: Address
    public var spender: Address

    public init(token: Address, owner: Address, spender: Address) {
        self.token = token
        self.owner = owner
        self.spender = spender
    }
}
