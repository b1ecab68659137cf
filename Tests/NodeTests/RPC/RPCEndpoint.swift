import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import Node

/// A JSON-RPC node listening on a loopback port — the in-process `RPCTestNode` or a real
/// `equity-node` process (`NodeProcess`) — and the plain HTTP client the tests talk to it with.
protocol RPCEndpoint: Sendable {
    var port: Int { get }
}

extension RPCEndpoint {
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
    func receipt(_ hash: String, polls: Int = 400) async throws -> JSONValue {
        for _ in 0..<polls {
            let r = try await result("eth_getTransactionReceipt", [.string(hash)])
            if r != .null { return r }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw TestNodeFailure("no receipt for \(hash)")
    }
}
