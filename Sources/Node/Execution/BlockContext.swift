/// What execution may know of the block it runs in. The timestamp is the only clock.
public struct BlockContext: Sendable, Equatable {
    public var number: UInt64
    /// Seconds since the Unix epoch, as in the block header.
    public var timestamp: UInt64

    public init(number: UInt64, timestamp: UInt64) {
        self.number = number
        self.timestamp = timestamp
    }
}
