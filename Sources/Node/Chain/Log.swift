/// An Ethereum log: the emitting address, up to four topics, and data.
public struct Log: Sendable, Hashable {
    public var address: Address
    public var topics: [Bytes32]
    public var data: [UInt8]

    public init(address: Address, topics: [Bytes32], data: [UInt8]) {
        self.address = address
        self.topics = topics
        self.data = data
    }

    /// The size of `appendRLP`'s output.
    var rlpLength: Int { RLP.encodedListLength(payload: rlpPayloadLength) }

    private var rlpPayloadLength: Int {
        21 + RLP.encodedListLength(payload: 33 * topics.count) + RLP.encodedStringLength(count: data.count, first: data.first)
    }

    /// Appends rlp([address, [topics], data]), the form both receipt encodings use.
    func appendRLP(to out: inout [UInt8]) {
        RLP.appendHeader(listPayload: rlpPayloadLength, to: &out)
        RLP.appendAddress(address, to: &out)
        RLP.appendHeader(listPayload: 33 * topics.count, to: &out)
        for topic in topics { RLP.appendBytes32(topic, to: &out) }
        RLP.appendString(data, to: &out)
    }

    /// The RLP of a list of logs.
    static func rlpListLength(_ logs: [Log]) -> Int {
        RLP.encodedListLength(payload: logs.reduce(0) { $0 + $1.rlpLength })
    }

    static func appendRLPList(_ logs: [Log], to out: inout [UInt8]) {
        RLP.appendHeader(listPayload: logs.reduce(0) { $0 + $1.rlpLength }, to: &out)
        for log in logs { log.appendRLP(to: &out) }
    }
}
