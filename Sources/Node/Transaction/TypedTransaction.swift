/// An EIP-2718 typed transaction (EIP-2930, EIP-1559): `type ‖ rlp(fields)` is signed,
/// `type ‖ rlp(fields ‖ yParity, r, s)` is sent. The two types differ only in their fields.
protocol TypedTransaction {
    /// The envelope's type byte.
    static var type: TransactionType { get }
    /// The RLP of the unsigned fields, in wire order, without the list header.
    func fieldsPayload() -> [UInt8]
}

extension TypedTransaction {
    /// The bytes whose Keccak-256 is signed: the type byte and the unsigned field list.
    public var signingData: [UInt8] {
        RLP.list(typeByte: Self.type.rawValue, payload: fieldsPayload())
    }

    /// The signed wire form: the type byte and the field list with yParity, r, s.
    func encoded(signature: Secp256k1.RecoverableSignature) -> [UInt8] {
        var payload = fieldsPayload()
        RLP.appendSignature(signature, to: &payload)
        return RLP.list(typeByte: Self.type.rawValue, payload: payload)
    }
}
