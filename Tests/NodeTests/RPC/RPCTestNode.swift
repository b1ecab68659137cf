import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import ServiceLifecycle
import Testing
@testable import Node

/// A real sequencer node (chain in a scratch directory, block loop, RPC server on an
/// ephemeral loopback port) running in-process, and a plain HTTP client for it.
final class RPCTestNode: Sendable {
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

    var url: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// POSTs `body` to `/`: the HTTP status and the parsed JSON answer (`.null` for an empty body).
    func post(_ body: [UInt8]) async throws -> (status: Int, json: JSONValue) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, data.isEmpty ? .null : try JSONParser.parse(Array(data)))
    }

    func post(_ text: String) async throws -> (status: Int, json: JSONValue) { try await post(Array(text.utf8)) }

    /// GETs `path`: status and body text.
    func get(_ path: String) async throws -> (status: Int, text: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Calls `method`; the whole response object.
    func request(_ method: String, _ params: [JSONValue] = [], id: UInt64 = 1) async throws -> JSONValue {
        var writer = JSONWriter()
        writer.write(.object(["jsonrpc": .string("2.0"), "id": .unsigned(id), "method": .string(method), "params": .array(params)]))
        let (status, json) = try await post(writer.bytes)
        #expect(status == 200)
        return json
    }

    /// Calls `method` and returns its result, failing the test on an error response.
    func result(_ method: String, _ params: [JSONValue] = []) async throws -> JSONValue {
        let response = try await request(method, params)
        guard let result = response["result"] else { throw TestNodeFailure("\(method) failed: \(response)") }
        return result
    }

    /// Calls `method` expecting an error: its code and message.
    func error(_ method: String, _ params: [JSONValue] = []) async throws -> (code: Int64, message: String, data: JSONValue?) {
        let response = try await request(method, params)
        guard let error = response["error"], let code = error["code"]?.integer, case .string(let message)? = error["message"] else {
            throw TestNodeFailure("\(method) did not fail: \(response)")
        }
        return (code, message, error["data"])
    }

    /// Sends a signed transaction; its hash.
    func send(_ tx: SignedTransaction) async throws -> String {
        guard case .string(let hash) = try await result("eth_sendRawTransaction", [.data(tx.encoded)]) else {
            throw TestNodeFailure("eth_sendRawTransaction did not return a hash")
        }
        return hash
    }

    /// Polls for a receipt until the block holding it is committed (no timing assertion:
    /// a generous bound only ends a hung test).
    func receipt(_ hash: String) async throws -> JSONValue {
        for _ in 0..<400 {
            let r = try await result("eth_getTransactionReceipt", [.string(hash)])
            if r != .null { return r }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw TestNodeFailure("no receipt for \(hash)")
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
