import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import ServiceLifecycle
import Testing
@testable import Node

/// A real sequencer node (chain in a scratch directory, block loop, RPC server on an
/// ephemeral loopback port) running in-process; `RPCEndpoint` is the HTTP client for it.
final class RPCTestNode: RPCEndpoint {
    let chain: Chain
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    /// The chain's data directory.
    let directory: String

    static let logger = Logger(label: "test.rpc")

    private init(chain: Chain, port: Int, group: ServiceGroup, task: Task<Void, any Error>, directory: String) {
        self.chain = chain
        self.port = port
        self.group = group
        self.task = task
        self.directory = directory
    }

    /// Starts a node on the devnet genesis; returns once it accepts connections.
    static func start(_ configure: (inout RPCConfiguration) -> Void = { _ in }, blockInterval: Duration = .milliseconds(50)) async throws -> RPCTestNode {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("equitychain-rpc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let chain = try Chain(genesis: .devnet, path: directory, logger: logger)
        var configuration = RPCConfiguration(host: "127.0.0.1", port: 0)
        configure(&configuration)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let node = SequencerNode(chain: chain, rpc: configuration, blockInterval: blockInterval, logger: logger) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [node], logger: logger))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await group.triggerGracefulShutdown()
            _ = try? await task.value
            throw TestNodeFailure("the RPC server did not start")
        }
        return RPCTestNode(chain: chain, port: port, group: group, task: task, directory: directory)
    }

    /// Stops the node gracefully (server, then sequencer, then database) and, unless
    /// told to keep it, removes its data.
    func stop(keepingData: Bool = false) async throws {
        await group.triggerGracefulShutdown()
        try await task.value
        if !keepingData { try? FileManager.default.removeItem(atPath: directory) }
    }
}

struct TestNodeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        guard case .object(let o) = self else { return nil }
        return o[key]
    }

    subscript(index: Int) -> JSONValue? {
        guard case .array(let a) = self, index < a.count else { return nil }
        return a[index]
    }

    var integer: Int64? {
        switch self {
        case .unsigned(let u): return Int64(exactly: u)
        case .signed(let s): return s
        default: return nil
        }
    }

    var text: String? {
        guard case .string(let s) = self else { return nil }
        return s
    }

    var count: Int {
        switch self {
        case .array(let a): return a.count
        case .object(let o): return o.count
        default: return 0
        }
    }
}
