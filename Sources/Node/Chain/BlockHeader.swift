/// An Ethereum-shaped (London) block header. Its hash is Keccak-256 of its RLP in
/// Ethereum's field order, so tools that hash headers agree with the node.
public struct BlockHeader: Sendable, Hashable {
    public var parentHash: Bytes32
    /// The sequencer: Ethereum's `miner`/`beneficiary`.
    public var coinbase: Address
    public var stateRoot: Bytes32
    public var transactionsRoot: Bytes32
    public var receiptsRoot: Bytes32
    public var logsBloom: LogsBloom
    public var number: UInt64
    public var gasLimit: UInt64
    public var gasUsed: UInt64
    /// Seconds since the Unix epoch: the only clock execution sees.
    public var timestamp: UInt64
    /// At most 32 bytes.
    public var extraData: [UInt8]
    /// Always 0: the chain has no native currency to pay fees in.
    public var baseFeePerGas: UInt256

    /// keccak256(rlp([])): the ommers hash of a block without ommers.
    public static let emptyOmmersHash = Bytes32(hex: "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347")!
    /// The most `extraData` may hold.
    public static let maximumExtraData = 32

    public init(parentHash: Bytes32, coinbase: Address, stateRoot: Bytes32, transactionsRoot: Bytes32, receiptsRoot: Bytes32,
                logsBloom: LogsBloom, number: UInt64, gasLimit: UInt64, gasUsed: UInt64, timestamp: UInt64,
                extraData: [UInt8] = [], baseFeePerGas: UInt256 = .zero) {
        self.parentHash = parentHash
        self.coinbase = coinbase
        self.stateRoot = stateRoot
        self.transactionsRoot = transactionsRoot
        self.receiptsRoot = receiptsRoot
        self.logsBloom = logsBloom
        self.number = number
        self.gasLimit = gasLimit
        self.gasUsed = gasUsed
        self.timestamp = timestamp
        self.extraData = extraData
        self.baseFeePerGas = baseFeePerGas
    }

    /// The header's RLP: parentHash, ommersHash, beneficiary, stateRoot,
    /// transactionsRoot, receiptsRoot, logsBloom, difficulty (0), number, gasLimit,
    /// gasUsed, timestamp, extraData, mixHash (zero), nonce (8 zero bytes), baseFeePerGas.
    public var rlp: RLPItem {
        .list([
            .bytes(parentHash.bytes), .bytes(Self.emptyOmmersHash.bytes), .bytes(coinbase.bytes),
            .bytes(stateRoot.bytes), .bytes(transactionsRoot.bytes), .bytes(receiptsRoot.bytes),
            .bytes(logsBloom.bytes), .uint(0 as UInt64), .uint(number), .uint(gasLimit), .uint(gasUsed),
            .uint(timestamp), .bytes(extraData), .bytes(Bytes32.zero.bytes), .bytes([UInt8](repeating: 0, count: 8)),
            .uint(baseFeePerGas),
        ])
    }

    public var encoded: [UInt8] { rlp.encoded }

    /// The block hash.
    public var hash: Bytes32 { Keccak256.hash(encoded) }

    /// Decodes a stored header, refusing anything that is not exactly this shape.
    public init(encoded: [UInt8]) throws(RLPError) {
        var outer = RLPReader(encoded)
        var r = try outer.readList()
        try outer.finish()
        parentHash = try r.readBytes32()
        guard try r.readBytes32() == Self.emptyOmmersHash else { throw .wrongElementCount(expected: "no ommers", found: 1) }
        coinbase = try r.readAddress()
        stateRoot = try r.readBytes32()
        transactionsRoot = try r.readBytes32()
        receiptsRoot = try r.readBytes32()
        logsBloom = LogsBloom(bytes: Array(try r.readBytes(count: 256)))!
        _ = try r.readUInt64()  // difficulty
        number = try r.readUInt64()
        gasLimit = try r.readUInt64()
        gasUsed = try r.readUInt64()
        timestamp = try r.readUInt64()
        let extra = try r.readBytes()
        guard extra.count <= Self.maximumExtraData else { throw .wrongLength(expected: Self.maximumExtraData, found: extra.count) }
        extraData = Array(extra)
        _ = try r.readBytes32()  // mixHash
        _ = try r.readBytes(count: 8)  // nonce
        baseFeePerGas = try r.readUInt256()
        try r.finish()
    }
}
