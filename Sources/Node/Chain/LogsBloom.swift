/// Ethereum's 2048-bit logs bloom: for the address and each topic of every log, three
/// bits chosen by the first six bytes of its Keccak-256 (Yellow Paper §4.3.1).
///
/// Held inline as 32 big-endian words (no heap), since every receipt carries one and a
/// block unions thousands.
public struct LogsBloom: Sendable, Hashable {
    /// Bytes 8i..<8i+8 of the header form, read big-endian.
    private var words = InlineArray<32, UInt64>(repeating: 0)

    public init() {}

    public init?(bytes: [UInt8]) {
        guard bytes.count == 256 else { return nil }
        for i in 0..<256 { words[i >> 3] |= UInt64(bytes[i]) << UInt64(56 - 8 * (i & 7)) }
    }

    /// 256 bytes, big-endian bit order as in the header.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(256)
        append(to: &out)
        return out
    }

    /// Appends the 256 bytes of `bytes` to `out`.
    func append(to out: inout [UInt8]) {
        var bigEndian = words
        for i in 0..<32 { bigEndian[i] = words[i].bigEndian }
        withUnsafeBytes(of: &bigEndian) { out.append(contentsOf: $0) }
    }

    /// Adds one value (an address's 20 bytes or a topic's 32).
    public mutating func add<C: Collection>(_ value: C) where C.Element == UInt8 {
        add(hash: Keccak256.hash(value))
    }

    /// Adds the value whose Keccak-256 is `hash`.
    mutating func add(hash: Bytes32) {
        // The first six hash bytes are the top 48 bits of the first big-endian word.
        let w = hash.w0
        for shift: UInt64 in [48, 32, 16] {
            // Bit `bit` of the 2048 lives in byte 255 - bit/8, bit bit%8 of that byte.
            let bit = Int((w >> shift) & 2047)
            let byte = 255 - (bit >> 3)
            words[byte >> 3] |= 1 << UInt64((7 - (byte & 7)) * 8 + (bit & 7))
        }
    }

    /// Adds a log's address and topics.
    public mutating func add(_ log: Log) {
        add(hash: Self.hash(of: log.address))
        for topic in log.topics { add(hash: Self.hash(of: topic)) }
    }

    /// Merges another bloom into this one.
    public mutating func formUnion(_ other: LogsBloom) {
        for i in 0..<32 { words[i] |= other.words[i] }
    }

    /// Whether `value` may have been added (false means certainly not).
    public func mayContain<C: Collection>(_ value: C) -> Bool where C.Element == UInt8 {
        var probe = LogsBloom()
        probe.add(value)
        for i in 0..<32 where probe.words[i] & words[i] != probe.words[i] { return false }
        return true
    }

    public static func == (a: LogsBloom, b: LogsBloom) -> Bool {
        for i in 0..<32 where a.words[i] != b.words[i] { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        for i in 0..<32 { hasher.combine(words[i]) }
    }

    // MARK: Hashing without allocation

    /// Keccak-256 of an address's 20 bytes, from a stack buffer; the system contracts'
    /// addresses come from a table.
    private static func hash(of address: Address) -> Bytes32 {
        for (known, hash) in knownAddressHashes where known == address { return hash }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw in
            let base = raw.baseAddress!
            base.storeBytes(of: address.w0.bigEndian, toByteOffset: 0, as: UInt32.self)
            base.storeBytes(of: address.w1.bigEndian, toByteOffset: 4, as: UInt64.self)
            base.storeBytes(of: address.w2.bigEndian, toByteOffset: 12, as: UInt64.self)
            return Keccak256.hash(UnsafeRawBufferPointer(rebasing: raw[0..<20]))
        }
    }

    /// Keccak-256 of a topic's 32 bytes, from a stack buffer. Event signatures of ERC-20
    /// and the exchange, and small integers (market ids, the first order ids), come from
    /// tables: every order's logs carry several of them.
    private static func hash(of topic: Bytes32) -> Bytes32 {
        if topic.w0 == 0, topic.w1 == 0, topic.w2 == 0, topic.w3 < UInt64(smallWordHashes.count) { return smallWordHashes[Int(topic.w3)] }
        for (known, hash) in knownTopicHashes where known == topic { return hash }
        var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw in
            topic.store(into: raw.baseAddress!, at: 0)
            return Keccak256.hash(UnsafeRawBufferPointer(raw))
        }
    }

    /// Keccak-256 of the event signature topics of ERC-20 and the exchange.
    private static let knownTopicHashes: [(Bytes32, Bytes32)] = (ERC20.events + ExchangeInterface.events).map {
        ($0.topic, Keccak256.hash($0.topic.bytes))
    }

    /// Keccak-256 of the words 0 to 255.
    private static let smallWordHashes: [Bytes32] = (0..<256).map { Keccak256.hash(Bytes32(w0: 0, w1: 0, w2: 0, w3: UInt64($0)).bytes) }

    /// Keccak-256 of the system contracts' addresses, which emit the exchange's and the
    /// corporate actions' logs.
    private static let knownAddressHashes: [(Address, Bytes32)] = [
        SystemAddress.exchange, SystemAddress.dividends, SystemAddress.reserves, SystemAddress.compliance, SystemAddress.withholding,
    ].map { ($0, Keccak256.hash($0.bytes)) }
}
