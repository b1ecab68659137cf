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
}
