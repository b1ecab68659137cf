/// An EIP-2930 transaction: `0x01 ‖ rlp([chainId, nonce, gasPrice, gas, to, value, data,
/// accessList, yParity, r, s])`, signed over `0x01 ‖ rlp([chainId … accessList])`.
public struct AccessListTransaction: Sendable, Hashable, TypedTransaction {
    static let type = TransactionType.accessList

    public var chainId: UInt64
    public var nonce: UInt64
    public var gasPrice: UInt256
    public var gasLimit: UInt64
    /// The recipient, or `nil` for a contract creation.
    public var to: Address?
    public var value: UInt256
    public var data: [UInt8]
    public var accessList: [AccessListEntry]

    public init(
        chainId: UInt64, nonce: UInt64, gasPrice: UInt256, gasLimit: UInt64,
        to: Address?, value: UInt256, data: [UInt8], accessList: [AccessListEntry]
    ) {
        self.chainId = chainId
        self.nonce = nonce
        self.gasPrice = gasPrice
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
        self.accessList = accessList
    }

    /// Reads the eight unsigned fields, in wire order (arguments are evaluated left to right).
    init(fields reader: inout TransactionFieldReader) throws(TransactionError) {
        self.init(
            chainId: try reader.uint64("chainId"), nonce: try reader.uint64("nonce"),
            gasPrice: try reader.uint256("gasPrice"), gasLimit: try reader.uint64("gas"),
            to: try reader.recipient("to"), value: try reader.uint256("value"), data: try reader.bytes("data"),
            accessList: try reader.accessList("accessList"))
    }

    func fieldsPayload() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(72 + data.count + 80)
        RLP.appendUInt(chainId, to: &out)
        RLP.appendUInt(nonce, to: &out)
        RLP.appendUInt(gasPrice, to: &out)
        RLP.appendUInt(gasLimit, to: &out)
        RLP.appendRecipient(to, to: &out)
        RLP.appendUInt(value, to: &out)
        RLP.appendString(data, to: &out)
        AccessListEntry.appendList(accessList, to: &out)
        return out
    }
}
