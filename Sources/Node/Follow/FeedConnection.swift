import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Synchronization

/// A follower's WebSocket connection to the sequencer's `/feed` (RFC 6455 through
/// SwiftNIO's client upgrader): binary messages in, reassembled from their frames;
/// pings answered; the feed itself sends nothing else.
enum FeedConnection {
    /// Largest frame accepted; longer messages arrive fragmented.
    static let maxFrameBytes = 16 * 1024 * 1024
    /// Largest message accepted: above any block a 1e9 gas limit allows.
    static let maxMessageBytes = 64 * 1024 * 1024

    private enum Upgrade: Sendable {
        case websocket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case refused
    }

    /// Connects to `ws://host:port/path` and hands each binary message to `onMessage`,
    /// one at a time (the next frame is read after it returns). Returns when the server
    /// closes the connection; throws when the connection fails or a message is not
    /// binary or too large.
    static func run(host: String, port: Int, path: String, onMessage: ([UInt8]) async throws -> Void) async throws {
        let upgrade = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(maxFrameSize: maxFrameBytes) { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            .websocket(try NIOAsyncChannel<WebSocketFrame, WebSocketFrame>(wrappingChannelSynchronously: channel))
                        }
                    }
                    var headers = HTTPHeaders()
                    headers.add(name: "Host", value: "\(host):\(port)")
                    headers.add(name: "Content-Length", value: "0")
                    let request = HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers)
                    let configuration = NIOTypedHTTPClientUpgradeConfiguration<Upgrade>(
                        upgradeRequestHead: request, upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in channel.eventLoop.makeCompletedFuture { .refused } })
                    var pipeline = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: configuration)
                    pipeline.leftOverBytesStrategy = .forwardBytes
                    return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: pipeline)
                }
            }
        guard case .websocket(let channel) = try await upgrade.get() else {
            throw FollowerError.transport("the sequencer at \(host):\(port) refused the WebSocket upgrade of \(path) (is it started with a sequencer key?)")
        }
        let activity = FeedActivity()
        try await channel.executeThenClose { inbound, outbound in
            try await withThrowingTaskGroup(of: Void.self) { group in
                // The sequencer pings every 30 s: a silent connection is a dead one (a
                // half-open TCP connection would otherwise wait forever).
                let connection = channel.channel
                group.addTask {
                    while !activity.isIdle(longerThan: idleLimit) { try await Task.sleep(for: .seconds(5)) }
                    connection.close(promise: nil)
                }
                try await read(inbound, outbound, activity: activity, onMessage: onMessage)
                group.cancelAll()
            }
        }
        if activity.isIdle(longerThan: idleLimit) {
            throw FollowerError.transport("no frame from the sequencer at \(host):\(port) for \(idleLimit) (it pings every 30 s)")
        }
    }

    /// How long the feed may stay silent (no block, no ping) before the connection is
    /// given up and made again.
    static let idleLimit = Duration.seconds(90)

    private static func read(
        _ inbound: NIOAsyncChannelInboundStream<WebSocketFrame>, _ outbound: NIOAsyncChannelOutboundWriter<WebSocketFrame>,
        activity: FeedActivity, onMessage: ([UInt8]) async throws -> Void
    ) async throws {
        var message: [UInt8] = []
        var assembling = false
        for try await frame in inbound {
            activity.touch()
            switch frame.opcode {
            case .binary, .continuation:
                guard frame.opcode == .binary ? !assembling : assembling else {
                    throw FollowerError.transport("the feed sent a WebSocket frame out of sequence")
                }
                if frame.opcode == .binary { message.removeAll(keepingCapacity: true) }
                guard message.count + frame.length <= maxMessageBytes else {
                    throw FollowerError.transport("a feed message over \(maxMessageBytes) bytes")
                }
                message.append(contentsOf: frame.unmaskedData.readableBytesView)
                assembling = !frame.fin
                if frame.fin {
                    try await onMessage(message)
                    activity.touch()
                }
            case .text:
                throw FollowerError.transport("the feed sent a text message; it sends binary feed messages only")
            case .ping:
                try await outbound.write(WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData))
            case .connectionClose:
                try? await outbound.write(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: ByteBuffer()))
                return
            default:
                continue
            }
        }
    }
}

/// When the feed connection last received a frame.
final class FeedActivity: Sendable {
    private let last = Mutex(ContinuousClock.now)

    func touch() { last.withLock { $0 = .now } }

    func isIdle(longerThan limit: Duration) -> Bool { last.withLock { ContinuousClock.now - $0 > limit } }
}
