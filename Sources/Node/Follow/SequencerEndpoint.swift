import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where a follower reaches its sequencer: `--follow URL` with `http://HOST:PORT` or
/// `ws://HOST:PORT` (the sequencer's one RPC port; a path is ignored). JSON-RPC goes to
/// `http://HOST:PORT/`, the block feed to `ws://HOST:PORT/feed?from=N`.
public struct SequencerEndpoint: Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int
    /// `http://HOST:PORT/`, where JSON-RPC goes.
    let rpcURL: URL

    /// How long one JSON-RPC request to the sequencer may take.
    static let requestTimeout: TimeInterval = 30

    /// Reads `--follow`'s URL.
    public init(url text: String) throws(FollowerError) {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
              ["http", "ws"].contains(scheme), let host = url.host, !host.isEmpty else {
            throw .configuration("--follow needs the sequencer's URL as http://HOST:PORT or ws://HOST:PORT, not \"\(text)\"")
        }
        let port = url.port ?? 80
        // URLComponents may give an IPv6 literal with or without its brackets; a URL needs them.
        let authority = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]:\(port)" : "\(host):\(port)"
        guard let rpcURL = URL(string: "http://\(authority)/") else {
            throw .configuration("--follow: cannot form a JSON-RPC URL from host \"\(host)\" and port \(port)")
        }
        self.host = host
        self.port = port
        self.rpcURL = rpcURL
    }

    /// `HOST:PORT` (logs and `/health` name the sequencer so).
    public var description: String { "\(host):\(port)" }

    /// Calls one JSON-RPC method on the sequencer: its result, or its error exactly as
    /// it answered (code, message, data). Throws when there is no usable answer.
    func call(_ method: String, _ params: [JSONValue]) async throws(FollowerError) -> Result<JSONValue, RPCError> {
        var writer = JSONWriter()
        writer.write(.object(["jsonrpc": .string("2.0"), "id": .unsigned(1), "method": .string(method), "params": .array(params)]))
        var request = URLRequest(url: rpcURL, timeoutInterval: Self.requestTimeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(writer.bytes)
        let body: Data
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard status == 200 else { throw FollowerError.transport("\(method) to the sequencer at \(self): HTTP \(status)") }
            body = data
        } catch let error as FollowerError {
            throw error
        } catch {
            throw .transport("\(method) to the sequencer at \(self): \(error.localizedDescription)")
        }
        let answer: JSONValue
        do { answer = try JSONParser.parse(Array(body)) } catch {
            throw .transport("\(method) to the sequencer at \(self): the answer is not JSON: \(error)")
        }
        guard case .object(let members) = answer else { throw .transport("\(method) to the sequencer at \(self): the answer is not a JSON-RPC response") }
        if let result = members["result"] { return .success(result) }
        guard case .object(let error)? = members["error"], let code = Self.integer(error["code"]), case .string(let message)? = error["message"] else {
            throw .transport("\(method) to the sequencer at \(self): the answer has neither a result nor an error")
        }
        return .failure(RPCError(code: code, message: message, data: error["data"]))
    }

    private static func integer(_ value: JSONValue?) -> Int? {
        switch value {
        case .unsigned(let n)?: return Int(exactly: n)
        case .signed(let n)?: return Int(exactly: n)
        default: return nil
        }
    }

    /// `equity_getBlocksRange(from, count)`: the sequencer's head and the feed messages.
    func blocksRange(from: UInt64, count: UInt64) async throws(FollowerError) -> (head: UInt64, messages: [[UInt8]]) {
        let answer = try await call("equity_getBlocksRange", [.quantity(from), .quantity(count)])
        let result: JSONValue
        switch answer {
        case .success(let value): result = value
        case .failure(let error): throw .transport("equity_getBlocksRange on the sequencer at \(self): \(error.message) (\(error.code))")
        }
        do throws(RPCValueError) {
            guard case .object(let o) = result, let head = o["head"], case .array(let blocks)? = o["blocks"] else {
                throw RPCValueError("want {\"head\", \"blocks\"}")
            }
            var messages: [[UInt8]] = []
            messages.reserveCapacity(blocks.count)
            for value in blocks { messages.append(try RPCValue.data(value)) }
            return (try RPCValue.uint64(head), messages)
        } catch {
            throw .transport("equity_getBlocksRange on the sequencer at \(self): unexpected answer: \(error.message)")
        }
    }
}
