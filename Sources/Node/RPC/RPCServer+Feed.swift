import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The block feed's WebSocket path, `/feed?from=N`, next to JSON-RPC on the same port.
extension RPCServer {
    /// Upgrades a `/feed` request on a node that publishes the feed; otherwise declines
    /// (the router then answers the plain GET with the reason).
    static func feedUpgrade(_ feed: BlockFeed?, start: BlockFeed.Start, broadcast: BlockBroadcast)
        -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> {
        guard let feed else { return .dontUpgrade }
        if case .invalid = start { return .dontUpgrade }
        return .upgrade([:]) { inbound, outbound, _ in
            // Subscribe before reading the head, so that no block falls in between.
            let live = broadcast.subscribe(bufferSize: BlockFeed.liveBufferSize)
            let from: UInt64
            switch start {
            case .block(let n): from = n
            default: from = await feed.chain.head.number + 1
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                // The follower sends nothing; this ends when it goes away.
                group.addTask { for try await _ in inbound.messages(maxSize: 1 << 16) {} }
                group.addTask {
                    try await feed.serve(from: from, live: live) { bytes in
                        try await outbound.writeBinaryMessage(ByteBuffer(bytes: bytes))
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    /// A plain GET of `/feed` (not a WebSocket upgrade, or one that was declined): why.
    static func feedRefusal(_ feed: BlockFeed?, path: String) -> Response {
        let message: String
        let status: HTTPResponse.Status
        if feed == nil {
            (status, message) = (.notFound, "this node does not publish the block feed: only a sequencer started with its sequencer key does")
        } else if case .invalid(let reason)? = BlockFeed.start(path: path) {
            (status, message) = (.badRequest, reason)
        } else {
            (status, message) = (.badRequest, "the block feed is a WebSocket: connect to ws://HOST:PORT/feed?from=N")
        }
        return json(status, .object(["error": .string(message)]))
    }
}
