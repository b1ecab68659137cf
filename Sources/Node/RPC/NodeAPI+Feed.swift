/// The sequencer's block feed over JSON-RPC: `equity_getBlocksRange`.
extension NodeAPI {
    /// `equity_getBlocksRange(from, count)`: `{"head": quantity, "blocks": [data…]}`, the
    /// sequencer's head and the signed feed messages (`BlockFeedMessage`, hex) of blocks
    /// `from`, `from + 1`, …: at most `count` and at most `BlockFeed.maxRangeCount`, fewer
    /// past the head or once they hold `BlockFeed.maxRangeBytes`.
    func blocksRange(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 2)
        let from = try p.read(0, RPCValue.uint64)
        let count = try p.read(1, RPCValue.uint64)
        guard count >= 1 else { throw .invalidParams("invalid argument 1: count must be at least 1") }
        guard let feed else {
            throw .server("this node does not publish the block feed: only a sequencer started with its sequencer key does")
        }
        let range: (head: UInt64, messages: [[UInt8]])
        do { range = try await feed.range(from: from, count: count) } catch { throw .internalError(error.description) }
        return .object(["head": .quantity(range.head), "blocks": .array(range.messages.map { .data($0) })])
    }
}
