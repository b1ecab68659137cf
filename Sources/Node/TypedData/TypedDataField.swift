/// One member of an EIP-712 struct as declared in `types`: `{"name": "wallet", "type": "address"}`.
public struct TypedDataField: Hashable, Sendable {
    public let name: String
    /// The type as written: `address`, `Person`, `Person[]`, `uint256[2][]`.
    public let type: String

    public init(name: String, type: String) {
        self.name = name
        self.type = type
    }
}
