/// `eth_getLogs`: a block range or one block by hash, address and topic filters,
/// header blooms to skip blocks that cannot match, and limits on range and results.
extension NodeAPI {
    func logs(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        let filter = try p.read(0, { v throws(RPCValueError) in try LogFilter(json: v) })
        let range: ClosedRange<UInt64>
        if let hash = filter.blockHash {
            guard let n = try await resolve(.hash(hash)) else { throw .server("unknown block: \(hash)") }
            range = n...n
        } else {
            let head = await chain.head.number
            let from = try await bound(filter.fromBlock, head: head)
            let to = try await bound(filter.toBlock, head: head)
            guard from <= to else { throw .server("invalid block range params: fromBlock \(from) is after toBlock \(to)") }
            // The requested span counts, so a query's fate does not depend on where the head is.
            let span = to - from + 1
            guard span <= configuration.maxLogsBlockRange else {
                throw .limitExceeded("block range too large: \(span) blocks, at most \(configuration.maxLogsBlockRange) per query (split the range)")
            }
            // Nothing beyond the head exists yet.
            if from > head { return .array([]) }
            range = from...min(to, head)
        }
        var out: [JSONValue] = []
        for n in range {
            guard let header = try stored({ () throws(ChainStoreError) in try chain.store.header(number: n) }) else { continue }
            guard filter.mayMatch(header.logsBloom) else { continue }
            let receipts = try stored { () throws(ChainStoreError) in try chain.store.receipts(number: n) }
            for (log, position) in LogObject.positioned(header, hash: header.hash, receipts: receipts) where filter.matches(log) {
                guard out.count < configuration.maxLogsResults else {
                    throw .limitExceeded("query returned more than \(configuration.maxLogsResults) results (narrow the block range or the filter)")
                }
                out.append(LogObject.json(log, at: position))
            }
        }
        return .array(out)
    }

    /// A range end: a tag resolves to a number; a number beyond the head stays as given.
    private func bound(_ tag: BlockTag?, head: UInt64) async throws(RPCError) -> UInt64 {
        switch tag {
        case nil, .latest?, .pending?, .safe?, .finalized?: return head
        case .earliest?: return 0
        case .number(let n)?: return n
        case .hash?: throw .invalidParams("invalid argument 0: fromBlock and toBlock take block numbers or tags; use blockHash for a hash")
        }
    }
}
