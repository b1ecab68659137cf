import ArgumentParser
import Foundation
import Node

/// `equity-bench rpc`: signed ERC-20 transfers through a real `equity-node` process's
/// `eth_sendRawTransaction`, until every one is committed.
///
/// The node runs as a separate process (`init` on the chain benchmark's genesis of many
/// funded, verified accounts, then `run`). The transfers are signed in advance on every
/// core, framed as JSON-RPC batches and pushed over several keep-alive HTTP connections,
/// each carrying its own senders in nonce order. The clock runs from the first request
/// until every sender's committed nonce (`eth_getTransactionCount` at `latest`) counts all
/// its transfers, after the receipts of the last transfer on each connection appeared.
///
/// - `transfers_per_s`: transfers committed per second, end to end.
/// - `admitted_per_s`: transfers answered with a hash per second (to the last answer).
/// - `commit_wait_ms`: from the last answer until the last block holding them committed.
/// - `node_cores_used`, `node_cpu_us_per_transfer`: the node process's CPU time (from
///   `/proc`) over the run, per second and per transfer. On a shared machine the first
///   says how much of the two cores the node actually got; the second does not depend on it.
struct RPCBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rpc",
        abstract: "Signed transfers per second through a real node's eth_sendRawTransaction (batched, several connections), until committed.")

    @OptionGroup var load: SignedLoadOptions

    @Option(help: "Signed transfers to send.")
    var transfers = 120_000

    func validate() throws {
        guard transfers >= 1 else { throw ValidationError("--transfers must be positive") }
    }

    func run() throws {
        let workload = try ChainWorkload(accounts: load.accounts)
        let signStart = Stopwatch.now()
        let raws = workload.signedTransfers(0..<transfers)
        let signSeconds = Double(Stopwatch.now() - signStart) / 1e9

        let run = SignedLoadRun(raws: raws, senders: workload.keys.map(\.address), connections: load.connections, batchSize: load.batchSize)
        let report = try run.run(genesisJSON: workload.genesisJSON, blockTimeMs: load.blockTimeMs, label: "rpc") { outcome in
            outcome.report("rpc", unit: "transfer", count: transfers, load: load, signSeconds: signSeconds)
        }
        report.print(json: load.json)
    }

    /// JSON-RPC batches of `eth_sendRawTransaction`, `size` per batch.
    static func batches(_ raws: [[UInt8]], size: Int) -> [[UInt8]] {
        stride(from: 0, to: raws.count, by: size).map { start in
            var body = Array("[".utf8)
            for (i, raw) in raws[start..<min(start + size, raws.count)].enumerated() {
                if i > 0 { body.append(UInt8(ascii: ",")) }
                body += Array(#"{"jsonrpc":"2.0","id":\#(i),"method":"eth_sendRawTransaction","params":[""#.utf8)
                body += Array(Hex.encode(raw).utf8)
                body += Array(#""]}"#.utf8)
            }
            body.append(UInt8(ascii: "]"))
            return body
        }
    }

    /// Sends each connection's batches on its own thread; every answer must be a hash per
    /// transaction. Returns what went wrong, if anything.
    static func sendAll(_ bodies: [[[UInt8]]], over clients: [HTTPConnection]) -> [String] {
        var failures = [String?](repeating: nil, count: clients.count)
        let done = DispatchGroup()
        failures.withUnsafeMutableBufferPointer { out in
            // Each thread writes only its own slot.
            nonisolated(unsafe) let slots = out
            for (c, (client, batches)) in zip(clients, bodies).enumerated() {
                done.enter()
                nonisolated(unsafe) let connection = client
                Thread.detachNewThread {
                    defer { done.leave() }
                    do {
                        for body in batches {
                            let (status, answer) = try connection.post(body)
                            let hashes = Self.count(#""result":"0x"#, in: answer)
                            let expected = Self.count(#""method":"eth_sendRawTransaction""#, in: body)
                            guard status == 200, hashes == expected else {
                                slots[c] = "HTTP \(status), \(hashes) of \(expected) admitted: \(String(decoding: answer.prefix(300), as: UTF8.self))"
                                return
                            }
                        }
                    } catch {
                        slots[c] = "\(error)"
                    }
                }
            }
            done.wait()
        }
        return failures.compactMap { $0 }
    }

    /// Polls until every hash has a receipt with status 1. Only a few hashes: the node
    /// decodes a transaction's whole block to answer for its receipt.
    static func waitForReceipts(_ hashes: [String], client: HTTPConnection) throws {
        var missing = hashes
        for _ in 0..<12_000 where !missing.isEmpty {
            let body = "[" + missing.enumerated().map { i, hash in
                #"{"jsonrpc":"2.0","id":\#(i),"method":"eth_getTransactionReceipt","params":["\#(hash)"]}"#
            }.joined(separator: ",") + "]"
            let results = try batch(client, body, count: missing.count)
            var still: [String] = []
            for (hash, receipt) in zip(missing, results) {
                if receipt == .null { still.append(hash); continue }
                guard case .object(let r) = receipt, r["status"] == .string("0x1") else {
                    throw ValidationError("transfer \(hash) failed in its block: \(receipt)")
                }
            }
            missing = still
            if !missing.isEmpty { Thread.sleep(forTimeInterval: 0.005) }
        }
        guard missing.isEmpty else { throw ValidationError("\(missing.count) transfers had no receipt after 60 s") }
    }

    /// Polls `eth_getTransactionCount(sender, "latest")` until every sender's committed
    /// nonce is `expected[sender]`.
    static func waitForNonces(_ expected: [(address: Address, nonce: UInt64)], client: HTTPConnection) throws {
        var missing = expected
        for _ in 0..<12_000 where !missing.isEmpty {
            var still: [(address: Address, nonce: UInt64)] = []
            for chunk in stride(from: 0, to: missing.count, by: 1_000).map({ missing[$0..<min($0 + 1_000, missing.count)] }) {
                let body = "[" + chunk.enumerated().map { i, sender in
                    #"{"jsonrpc":"2.0","id":\#(i),"method":"eth_getTransactionCount","params":["\#(sender.address.lowercaseHex)","latest"]}"#
                }.joined(separator: ",") + "]"
                for (sender, result) in zip(chunk, try batch(client, body, count: chunk.count)) {
                    guard case .string(let text) = result, let nonce = UInt64(text.dropFirst(2), radix: 16) else {
                        throw ValidationError("eth_getTransactionCount answered \(result)")
                    }
                    if nonce < sender.nonce { still.append(sender) }
                }
            }
            missing = still
            if !missing.isEmpty { Thread.sleep(forTimeInterval: 0.005) }
        }
        guard missing.isEmpty else { throw ValidationError("\(missing.count) senders' transfers were not all committed after 60 s") }
    }

    /// Sends a batch of `count` requests (ids 0…count-1); the results in id order.
    static func batch(_ client: HTTPConnection, _ body: String, count: Int) throws -> [JSONValue] {
        let (_, answer) = try client.post(Array(body.utf8))
        guard case .array(let elements) = try JSONParser.parse(answer), elements.count == count else {
            throw ValidationError("batch failed: \(String(decoding: answer.prefix(300), as: UTF8.self))")
        }
        var results = [JSONValue](repeating: .null, count: count)
        for element in elements {
            guard case .object(let fields) = element, case .unsigned(let id)? = fields["id"], id < count, let result = fields["result"] else {
                throw ValidationError("batch element failed: \(element)")
            }
            results[Int(id)] = result
        }
        return results
    }

    /// A single call's `result` text.
    static func call(_ client: HTTPConnection, _ request: String) throws -> String {
        let (_, answer) = try client.post(Array(request.utf8))
        guard case .object(let fields) = try JSONParser.parse(answer), case .string(let result)? = fields["result"] else {
            throw ValidationError("\(request) failed: \(String(decoding: answer, as: UTF8.self))")
        }
        return result
    }

    static func count(_ needle: String, in bytes: [UInt8]) -> Int {
        let pattern = Array(needle.utf8)
        var found = 0, i = 0
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                found += 1
                i += pattern.count
            } else {
                i += 1
            }
        }
        return found
    }
}
