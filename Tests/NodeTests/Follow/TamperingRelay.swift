import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle
@testable import Node

/// A man in the middle between a sequencer and a follower: it relays JSON-RPC to the
/// sequencer unchanged, except that the feed messages it hands on (from
/// `equity_getBlocksRange` and on its own `/feed` WebSocket, which it fills from the
/// sequencer's ranges) go through `alter` when they carry block `target`.
final class TamperingRelay: Sendable {
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.task = task
    }

    static func start(sequencerPort: Int, target: UInt64, alter: @escaping @Sendable ([UInt8]) throws -> [UInt8]) async throws -> TamperingRelay {
        let sequencer = try SequencerEndpoint(url: "http://127.0.0.1:\(sequencerPort)")
        let relay: @Sendable (UInt64, UInt64) async throws -> (head: UInt64, messages: [[UInt8]]) = { from, count in
            let range = try await sequencer.blocksRange(from: from, count: count)
            return (range.head, try range.messages.enumerated().map { i, m in from + UInt64(i) == target ? try alter(m) : m })
        }
        let router = Router()
        router.post("/") { request, _ -> Response in
            var body: [UInt8] = []
            for try await chunk in request.body { body.append(contentsOf: chunk.readableBytesView) }
            let json = try JSONParser.parse(body)
            if case .object(let o) = json, o["method"] == .string("equity_getBlocksRange"), case .array(let p)? = o["params"], p.count == 2 {
                let range = try await relay(try RPCValue.uint64(p[0]), try RPCValue.uint64(p[1]))
                var writer = JSONWriter()
                writer.write(.object(["jsonrpc": .string("2.0"), "id": o["id"] ?? .null, "result": .object([
                    "head": .quantity(range.head), "blocks": .array(range.messages.map { .data($0) }),
                ])]))
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
            }
            var forward = URLRequest(url: URL(string: "http://127.0.0.1:\(sequencerPort)/")!)
            forward.httpMethod = "POST"
            forward.setValue("application/json", forHTTPHeaderField: "Content-Type")
            forward.httpBody = Data(body)
            let (data, _) = try await URLSession.shared.data(for: forward)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: Array(data))))
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade { request, _, _ in
                guard case .block(let from)? = BlockFeed.start(path: request.path ?? "") else { return .dontUpgrade }
                return .upgrade([:]) { _, outbound, _ in
                    var next = from
                    while !Task.isCancelled {
                        let range = try await relay(next, 16)
                        for message in range.messages { try await outbound.writeBinaryMessage(ByteBuffer(bytes: message)) }
                        next += UInt64(range.messages.count)
                        if range.messages.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
                    }
                }
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: Logger(label: "test.relay"))
        let group = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "test.relay")))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await group.triggerGracefulShutdown()
            _ = try? await task.value
            throw TestNodeFailure("the relay did not start")
        }
        return TamperingRelay(port: port, group: group, task: task)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}
