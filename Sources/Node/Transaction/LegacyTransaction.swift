/// An untyped transaction: `rlp([nonce, gasPrice, gas, to, value, data, v, r, s])`.
///
/// With a `chainId` it is replay-protected (EIP-155: signed over the six fields plus
/// `chainId, 0, 0`, and v = 35/36 + 2·chainId); without one it is a pre-EIP-155
/// transaction (signed over the six fields, v = 27/28) valid on every chain.
public struct LegacyTransaction: Sendable, Hashable {
    /// The EIP-155 chain id, or `nil` for an unprotected transaction.
    public var chainId: UInt64?
    public var nonce: UInt64
    public var gasPrice: UInt256
    public var gasLimit: UInt64
    /// The recipient, or `nil` for a contract creation.
    public var to: Address?
    public var value: UInt256
    public var data: [UInt8]

    public init(
        chainId: UInt64?, nonce: UInt64, gasPrice: UInt256, gasLimit: UInt64,
        to: Address?, value: UInt256, data: [UInt8]
    ) {
        self.chainId = chainId
        self.nonce = nonce
        self.gasPrice = gasPrice
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
    }

    /// The bytes whose Keccak-256 is signed: `rlp([nonce, gasPrice, gas, to, value, data])`,
    /// plus `chainId, 0, 0` when replay-protected.
    public var signingData: [UInt8] {
        var payload = fieldsPayload()
        if let chainId {
            RLP.appendUInt(chainId, to: &payload)
            payload += [0x80, 0x80]
        }
        return RLP.list(typeByte: nil, payload: payload)
    }

    /// The signed wire form `rlp([…, v, r, s])`.
    func encoded(signature: Secp256k1.RecoverableSignature) -> [UInt8] {
        var payload = fieldsPayload()
        RLP.appendUInt(v(recoveryId: signature.recoveryId), to: &payload)
        RLP.appendScalar(signature.r, to: &payload)
        RLP.appendScalar(signature.s, to: &payload)
        return RLP.list(typeByte: nil, payload: payload)
    }

    /// The wire `v` for a recovery id: 27/28, or 35/36 + 2·chainId.
    func v(recoveryId: UInt8) -> UInt256 {
        guard let chainId else { return UInt256(UInt64(27 + recoveryId)) }
        return UInt256(UInt128(chainId) * 2 + 35 + UInt128(recoveryId))
    }

    /// The chain id and recovery id a wire `v` stands for.
    static func split(v: UInt256) throws(TransactionError) -> (chainId: UInt64?, recoveryId: UInt8) {
        if v == UInt256(27 as UInt64) || v == UInt256(28 as UInt64) {
            return (nil, UInt8(v.low - 27))
        }
        guard v.high == 0, v.low >= 35 else { throw .invalidV(v) }
        let protected = v.low - 35
        guard let chainId = UInt64(exactly: protected >> 1) else { throw .chainIdTooLarge(v: v) }
        return (chainId, UInt8(protected & 1))
    }

    /// Reads the six unsigned fields, in wire order (arguments are evaluated left to
    /// right); the chain id comes later, from `v`.
    init(fields reader: inout TransactionFieldReader) throws(TransactionError) {
        self.init(
            chainId: nil, nonce: try reader.uint64("nonce"), gasPrice: try reader.uint256("gasPrice"),
            gasLimit: try reader.uint64("gas"), to: try reader.recipient("to"), value: try reader.uint256("value"),
            data: try reader.bytes("data"))
    }

    private func fieldsPayload() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(64 + data.count + 80)
        RLP.appendUInt(nonce, to: &out)
        RLP.appendUInt(gasPrice, to: &out)
        RLP.appendUInt(gasLimit, to: &out)
        RLP.appendRecipient(to, to: &out)
        RLP.appendUInt(value, to: &out)
        RLP.appendString(data, to: &out)
        return out
    }
}
