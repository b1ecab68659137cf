import Node

/// One log as `eth_getLogs` returns it.
public struct ChainLog: Sendable, Equatable {
    public let address: Address
    public let topics: [Bytes32]
    public let data: [UInt8]
    public let blockNumber: UInt64
    public let blockTimestamp: UInt64
    public let transactionHash: Bytes32
}
