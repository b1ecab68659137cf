/// Ethereum's 2048-bit logs bloom: for the address and each topic of every log, three
/// bits chosen by the first six bytes of its Keccak-256 (Yellow Paper §4.3.1).
public struct LogsBloom: Sendable, Hashable {
    /// 256 bytes, big-endian bit order as in the header.
    public private(set) var bytes: [UInt8]

    public init() { bytes = [UInt8](repeating: 0, count: 256) }

    public init?(bytes: [UInt8]) {
        guard bytes.count == 256 else { return nil }
        self.bytes = bytes
    }

    /// Adds one value (an address's 20 bytes or a topic's 32).
    public mutating func add<C: Collection>(_ value: C) where C.Element == UInt8 {
        // The first six hash bytes are the top 48 bits of the first big-endian word.
        let w = Keccak256.hash(value).w0
        for shift: UInt64 in [48, 32, 16] {
            let bit = Int((w >> shift) & 2047)
            bytes[255 - bit / 8] |= 1 << UInt8(bit % 8)
        }
    }

    /// Adds a log's address and topics.
    public mutating func add(_ log: Log) {
        add(log.address.bytes)
        for topic in log.topics { add(topic.bytes) }
    }

    /// Merges another bloom into this one.
    public mutating func formUnion(_ other: LogsBloom) {
        for i in 0..<256 { bytes[i] |= other.bytes[i] }
    }

    /// Whether `value` may have been added (false means certainly not).
    public func mayContain<C: Collection>(_ value: C) -> Bool where C.Element == UInt8 {
        var probe = LogsBloom()
        probe.add(value)
        for i in 0..<256 where probe.bytes[i] & bytes[i] != probe.bytes[i] { return false }
        return true
    }
}
