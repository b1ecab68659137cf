/// An EIP-1559 transaction: `0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas,
/// maxFeePerGas, gas, to, value, data, accessList, yParity, r, s])`, signed over
/// `0x02 ‖ rlp([chainId … accessList])`.
public struct DynamicFeeTransaction: Sendable, Hashable, TypedTransaction {
    static let type = TransactionType.dynamicFee

    public var chainId: UInt64
    public var nonce: UInt64
    /// The tip per gas the sender offers above the base fee.
    public var maxPriorityFeePerGas: UInt256
    /// The most the sender pays per gas, base fee and tip together.
    public var maxFeePerGas: UInt256
    public var gasLimit: UInt64
    /// The recipient, or `nil` for a contract creation.
    public var to: Address?
    public var value: UInt256
    public var data: [UInt8]
    public var accessList: [AccessListEntry]

    public init(
        chainId: UInt64, nonce: UInt64, maxPriorityFeePerGas: UInt256, maxFeePerGas: UInt256,
        gasLimit: UInt64, to: Address?, value: UInt256, data: [UInt8], accessList: [AccessListEntry]
    ) {
        self.chainId = chainId
        self.nonce = nonce
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.maxFeePerGas = maxFeePerGas
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
        self.accessList = accessList
    }

    /// Reads the nine unsigned fields. Arguments are evaluated left to right, so they are
    /// read in wire order; building through the memberwise initializer (rather than
    /// assigning `self`'s fields one by one) spares a copy of the whole value.
    init(fields reader: inout TransactionFieldReader) throws(TransactionError) {
        self.init(
            chainId: try reader.uint64("chainId"), nonce: try reader.uint64("nonce"),
            maxPriorityFeePerGas: try reader.uint256("maxPriorityFeePerGas"),
            maxFeePerGas: try reader.uint256("maxFeePerGas"), gasLimit: try reader.uint64("gas"),
            to: try reader.recipient("to"), value: try reader.uint256("value"), data: try reader.bytes("data"),
            accessList: try reader.accessList("accessList"))
    }

    func fieldsPayload() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(105 + data.count + 80)
        RLP.appendUInt(chainId, to: &out)
        RLP.appendUInt(nonce, to: &out)
        RLP.appendUInt(maxPriorityFeePerGas, to: &out)
        RLP.appendUInt(maxFeePerGas, to: &out)
        RLP.appendUInt(gasLimit, to: &out)
        RLP.appendRecipient(to, to: &out)
        RLP.appendUInt(value, to: &out)
        RLP.appendString(data, to: &out)
        AccessListEntry.appendList(accessList, to: &out)
        return out
    }
}
