/// The sequencer's signed block feed: committed blocks, in order, each signed by the
/// sequencer key (`BlockFeedMessage` has the wire form).
///
/// Served two ways on the RPC port: `equity_getBlocksRange(from, count)` over HTTP for
/// catching up in batches, and the WebSocket path `/feed?from=N`, which sends every
/// block from N on (the stored ones first, then each new one as it is committed) with
/// no gap and no duplicate.
public struct BlockFeed: Sendable {
    public let chain: Chain
    public let signer: BlockFeedSigner

    /// Most blocks one `equity_getBlocksRange` returns.
    public static let maxRangeCount: UInt64 = 256
    /// A range stops growing once its blocks hold this many bytes (at least one block is
    /// always returned), so that one answer stays a few MiB whatever the block size.
    public static let maxRangeBytes = 4 * 1024 * 1024
    /// Live blocks buffered per feed subscriber; older ones are dropped and, when the
    /// subscriber gets to them, read back from the store instead (so a slow follower
    /// costs little memory).
    public static let liveBufferSize = 16

    public init(chain: Chain, signer: BlockFeedSigner) {
        self.chain = chain
        self.signer = signer
    }

    /// The signed messages of committed blocks `from`, `from + 1`, … : at most `count`
    /// (≤ `maxRangeCount`), fewer at the head or past `maxRangeBytes`; none when `from`
    /// is beyond the head. Returns the head too, so a follower knows how far behind it is.
    public func range(from: UInt64, count: UInt64) async throws(ChainStoreError) -> (head: UInt64, messages: [[UInt8]]) {
        let head = await chain.head.number
        var messages: [[UInt8]] = []
        var bytes = 0
        var n = from
        while n <= head, UInt64(messages.count) < min(count, Self.maxRangeCount), messages.isEmpty || bytes < Self.maxRangeBytes {
            guard let stored = try chain.store.storedBlock(number: n) else { throw .corrupt("committed block \(n) is missing") }
            let message = signer.encodedMessage(header: stored.header, encodedBlock: stored.encoded)
            bytes += message.count
            messages.append(message)
            n += 1
        }
        return (head, messages)
    }

    /// Sends the message of every block from `from` on, stored blocks first, then the
    /// blocks of `live` (subscribed before this is called, so none is missed) as they
    /// come; a block the live stream dropped (a slow reader) is read back from the store.
    /// Returns when `live` ends (shutdown); throws when `send` does (the reader left).
    public func serve(from: UInt64, live: AsyncStream<SealedBlock>, send: ([UInt8]) async throws -> Void) async throws {
        var next = from
        let head = await chain.head.number
        while next <= head {
            try await send(try storedMessage(next))
            next += 1
        }
        for await sealed in live {
            let number = sealed.block.header.number
            guard number >= next else { continue }
            while next < number {
                try await send(try storedMessage(next))
                next += 1
            }
            try await send(signer.encodedMessage(header: sealed.block.header, encodedBlock: sealed.block.encoded))
            next = number + 1
        }
    }

    private func storedMessage(_ number: UInt64) throws -> [UInt8] {
        guard let stored = try chain.store.storedBlock(number: number) else { throw ChainStoreError.corrupt("committed block \(number) is missing") }
        return signer.encodedMessage(header: stored.header, encodedBlock: stored.encoded)
    }

    /// Where a request for `path` starts the feed, or nil when `path` is not the feed's.
    public static func start(path: String) -> Start? {
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.first == "/feed" else { return nil }
        guard parts.count == 2, !parts[1].isEmpty else { return .afterHead }
        guard parts[1].hasPrefix("from=") else { return .invalid("the feed takes one query parameter, from=N") }
        let text = parts[1].dropFirst(5)
        let number = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text, radix: 10)
        guard let number else { return .invalid("from must be a block number (decimal or 0x-hex), not \"\(text)\"") }
        return .block(number)
    }

    /// Where a feed subscription starts.
    public enum Start: Equatable, Sendable {
        /// With the next committed block (no `from`).
        case afterHead
        /// With block `from`.
        case block(UInt64)
        /// An unreadable request; the upgrade is refused.
        case invalid(String)
    }
}
