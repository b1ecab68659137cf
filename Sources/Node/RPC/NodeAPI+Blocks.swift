/// Blocks: lookups by number, tag and hash, transaction counts, fee history.
extension NodeAPI {
    /// The committed block number a tag names, or nil when there is no such block.
    /// `pending` names the head: the open block is not a block yet.
    func resolve(_ tag: BlockTag) async throws(RPCError) -> UInt64? {
        switch tag {
        case .latest, .pending, .safe, .finalized: return await chain.head.number
        case .earliest: return 0
        case .number(let n): return n <= (await chain.head.number) ? n : nil
        case .hash(let h): return try stored { () throws(ChainStoreError) in try chain.store.blockNumber(hash: h) }
        }
    }

    /// A committed block and its receipts.
    func loadBlock(_ number: UInt64) throws(RPCError) -> (Block, [Receipt])? {
        try stored { () throws(ChainStoreError) -> (Block, [Receipt])? in
            guard let block = try chain.store.block(number: number) else { return nil }
            return (block, try chain.store.receipts(number: number))
        }
    }

    func blockByNumber(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 2)
        let tag = try p.read(0, RPCValue.blockTag)
        let full = try p.readOptional(1, RPCValue.bool) ?? false
        guard let number = try await resolve(tag), let (block, receipts) = try loadBlock(number) else { return .null }
        return BlockObject.json(block, receipts: receipts, fullTransactions: full)
    }

    func blockByHash(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 2)
        let hash = try p.read(0, RPCValue.hash)
        let full = try p.readOptional(1, RPCValue.bool) ?? false
        guard let number = try await resolve(.hash(hash)), let (block, receipts) = try loadBlock(number) else { return .null }
        return BlockObject.json(block, receipts: receipts, fullTransactions: full)
    }

    func transactionCount(_ p: RPCParameters, byHash: Bool) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        let tag = byHash ? BlockTag.hash(try p.read(0, RPCValue.hash)) : try p.read(0, RPCValue.blockTag)
        guard let number = try await resolve(tag), let (block, _) = try loadBlock(number) else { return .null }
        return .quantity(UInt64(block.transactions.count))
    }

    /// `eth_feeHistory(blockCount, newestBlock, rewardPercentiles?)`: base fees and
    /// rewards are all zero; `gasUsedRatio` is real.
    func feeHistory(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 3)
        let count = try p.read(0, Self.hexOrDecimal)
        let newestTag = try p.read(1, RPCValue.blockTag)
        let percentiles = try p.readOptional(2, Self.percentiles)
        guard let newest = try await resolve(newestTag) else {
            throw .server("requested block \(newestTag) is beyond the head block \(await chain.head.number)")
        }
        let blocks = min(count, configuration.maxFeeHistoryBlocks, newest + 1)
        let oldest = newest + 1 - blocks
        var ratios: [JSONValue] = []
        for n in oldest..<(oldest + blocks) {
            let header = try stored { () throws(ChainStoreError) in try chain.store.header(number: n) }
            guard let header else { throw .internalError("block \(n) is missing") }
            ratios.append(.fraction(header.gasLimit == 0 ? 0 : Double(header.gasUsed) / Double(header.gasLimit)))
        }
        var result: [String: JSONValue] = [
            "oldestBlock": .quantity(oldest),
            "baseFeePerGas": .array(Array(repeating: .quantity(0 as UInt64), count: Int(blocks) + 1)),
            "gasUsedRatio": .array(ratios),
        ]
        if let percentiles {
            let zeros = JSONValue.array(Array(repeating: .quantity(0 as UInt64), count: percentiles))
            result["reward"] = .array(Array(repeating: zeros, count: Int(blocks)))
        }
        return .object(result)
    }

    /// A count as geth's `math.HexOrDecimal64` reads it: hex or decimal, string or number.
    static func hexOrDecimal(_ value: JSONValue) throws(RPCValueError) -> UInt64 {
        switch value {
        case .unsigned(let n): return n
        case .string(let s) where !s.hasPrefix("0x") && !s.hasPrefix("0X"):
            guard let n = UInt64(s) else { throw RPCValueError("invalid decimal number \"\(s)\"") }
            return n
        default: return try RPCValue.uint64(value)
        }
    }

    /// Reward percentiles: numbers from 0 to 100, non-decreasing. Returns how many.
    static func percentiles(_ value: JSONValue) throws(RPCValueError) -> Int {
        guard case .array(let list) = value else { throw RPCValueError("json: cannot unmarshal \(value.typeName) into Go value of type []float64") }
        var previous = 0.0
        for v in list {
            let x: Double
            switch v {
            case .unsigned(let n): x = Double(n)
            case .fraction(let d): x = d
            default: throw RPCValueError("json: cannot unmarshal \(v.typeName) into Go value of type float64")
            }
            guard x >= 0, x <= 100 else { throw RPCValueError("invalid reward percentile: \(x)") }
            guard x >= previous else { throw RPCValueError("invalid reward percentile: #\(previous) > #\(x)") }
            previous = x
        }
        guard list.count <= 100 else { throw RPCValueError("too many reward percentiles: \(list.count), at most 100") }
        return list.count
    }
}
