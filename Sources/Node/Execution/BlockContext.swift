/// What execution may know of the block it runs in. The timestamp is the only clock.
public struct BlockContext: Sendable, Equatable {
    public var number: UInt64
    /// Seconds since the Unix epoch, as in the block header.
    public var timestamp: UInt64
    /// The chain's EIP-155 id (genesis `chainId`): signatures over typed data that name
    /// a chain (reserve attestations) are checked against it. The chain always passes its
    /// own; 0 only where no chain is involved.
    public var chainId: UInt64

    public init(number: UInt64, timestamp: UInt64, chainId: UInt64 = 0) {
        self.number = number
        self.timestamp = timestamp
        self.chainId = chainId
    }
}
