import Custody
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Node

/// A JSON-RPC client for `equity-node` over HTTP: the calls the bridge makes, each
/// with a typed result and a typed error (`NodeRPCError`).
public struct NodeRPCClient: Sendable {
    /// The node's URL as configured.
    public let url: URL
    private let session: URLSession

    /// A client for `text` (`http://HOST:PORT`); throws `.badURL` for anything else.
    public init(url text: String, timeoutSeconds: Double = 30) throws(NodeRPCError) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else { throw .badURL(text) }
        self.url = url
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        session = URLSession(configuration: configuration)
    }

    /// One request: the `result` member, or the node's error.
    public func call(_ method: String, _ params: [JSONValue]) async throws(NodeRPCError) -> JSONValue {
        var writer = JSONWriter()
        writer.write(.object(["jsonrpc": .string("2.0"), "id": .unsigned(1), "method": .string(method), "params": .array(params)]))
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(writer.bytes)
        let data: Data
        let response: URLResponse
        do { (data, response) = try await session.data(for: request) } catch {
            throw .unreachable(url: url.absoluteString, reason: error.localizedDescription)
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json: JSONValue
        do { json = try JSONParser.parse(Array(data)) } catch {
            if status != 200 { throw .httpStatus(url: url.absoluteString, status: status) }
            throw .malformedResponse(method: method, reason: "not JSON: \(error)")
        }
        guard case .object(let members) = json else { throw .malformedResponse(method: method, reason: "not a JSON object") }
        if case .object(let e)? = members["error"] {
            let code: Int64
            switch e["code"] {
            case .signed(let c)?: code = c
            case .unsigned(let c)?: code = Int64(clamping: c)
            default: code = 0
            }
            if case .string(let message)? = e["message"] { throw .node(method: method, code: code, message: message) }
            throw .node(method: method, code: code, message: "(no message)")
        }
        guard status == 200 else { throw .httpStatus(url: url.absoluteString, status: status) }
        guard let result = members["result"] else { throw .malformedResponse(method: method, reason: "no result") }
        return result
    }

    /// Decodes part of a result, turning a shape error into `.malformedResponse`.
    func read<T>(_ method: String, _ value: JSONValue?, _ field: String, _ body: (JSONValue) throws(RPCValueError) -> T)
        throws(NodeRPCError) -> T
    {
        guard let value else { throw .malformedResponse(method: method, reason: "\(field) is missing") }
        do { return try body(value) } catch { throw .malformedResponse(method: method, reason: "\(field): \(error.message)") }
    }

    private func object(_ method: String, _ value: JSONValue) throws(NodeRPCError) -> [String: JSONValue] {
        guard case .object(let o) = value else { throw .malformedResponse(method: method, reason: "expected an object, got \(value.typeName)") }
        return o
    }

    // MARK: eth_

    /// `eth_chainId`.
    public func chainId() async throws(NodeRPCError) -> UInt64 {
        try read("eth_chainId", try await call("eth_chainId", []), "result", RPCValue.uint64)
    }

    /// `eth_blockNumber`: the head.
    public func blockNumber() async throws(NodeRPCError) -> UInt64 {
        try read("eth_blockNumber", try await call("eth_blockNumber", []), "result", RPCValue.uint64)
    }

    /// `eth_getTransactionCount(address, "pending")`: the next nonce the node expects.
    public func pendingNonce(of address: Address) async throws(NodeRPCError) -> UInt64 {
        let result = try await call("eth_getTransactionCount", [.address(address), .string("pending")])
        return try read("eth_getTransactionCount", result, "result", RPCValue.uint64)
    }

    /// `eth_call` on the latest state: the returned bytes.
    public func call(to: Address, data: [UInt8], from: Address? = nil) async throws(NodeRPCError) -> [UInt8] {
        var request: [String: JSONValue] = ["to": .address(to), "data": .data(data)]
        if let from { request["from"] = .address(from) }
        return try read("eth_call", try await call("eth_call", [.object(request), .string("latest")]), "result", RPCValue.data)
    }

    /// `eth_sendRawTransaction`: the transaction hash the node computed.
    public func sendRawTransaction(_ raw: [UInt8]) async throws(NodeRPCError) -> Bytes32 {
        try read("eth_sendRawTransaction", try await call("eth_sendRawTransaction", [.data(raw)]), "result", RPCValue.hash)
    }

    /// `eth_getTransactionReceipt`: nil while the transaction is not in a committed block.
    public func receipt(of hash: Bytes32) async throws(NodeRPCError) -> TransactionOutcome? {
        let method = "eth_getTransactionReceipt"
        let result = try await call(method, [.hash(hash)])
        if result == .null { return nil }
        let o = try object(method, result)
        let status = try read(method, o["status"], "status", RPCValue.uint64)
        let block = try read(method, o["blockNumber"], "blockNumber", RPCValue.uint64)
        let reason: String? = if case .string(let r)? = o["revertReason"] { r } else { nil }
        return TransactionOutcome(hash: hash, blockNumber: block, succeeded: status == 1, revertReason: reason)
    }

    /// Polls `eth_getTransactionReceipt` until the transaction is committed or
    /// `timeout` passes (nil then: the transaction may still be pending).
    public func waitForReceipt(of hash: Bytes32, timeout: Duration = .seconds(30)) async throws(NodeRPCError) -> TransactionOutcome? {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if let outcome = try await receipt(of: hash) { return outcome }
            guard clock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    /// `eth_getLogs` over `blocks` for `addresses` and `topics` (nil: any).
    public func logs(addresses: [Address], topics: [[Bytes32]?], blocks: ClosedRange<UInt64>) async throws(NodeRPCError) -> [ChainLog] {
        let method = "eth_getLogs"
        let filter: JSONValue = .object([
            "address": .array(addresses.map(JSONValue.address)),
            "topics": .array(topics.map { $0.map { .array($0.map(JSONValue.hash)) } ?? .null }),
            "fromBlock": .quantity(blocks.lowerBound),
            "toBlock": .quantity(blocks.upperBound),
        ])
        guard case .array(let list) = try await call(method, [filter]) else {
            throw .malformedResponse(method: method, reason: "expected an array of logs")
        }
        return try list.map { item throws(NodeRPCError) in
            let o = try object(method, item)
            return ChainLog(
                address: try read(method, o["address"], "address", RPCValue.address),
                topics: try read(method, o["topics"], "topics") { v throws(RPCValueError) in
                    guard case .array(let t) = v else { throw RPCValueError("expected an array") }
                    return try t.map { x throws(RPCValueError) in try RPCValue.hash(x) }
                },
                data: try read(method, o["data"], "data", RPCValue.data),
                blockNumber: try read(method, o["blockNumber"], "blockNumber", RPCValue.uint64),
                blockTimestamp: try read(method, o["blockTimestamp"], "blockTimestamp", RPCValue.uint64),
                transactionHash: try read(method, o["transactionHash"], "transactionHash", RPCValue.hash))
        }
    }

    // MARK: equity_

    /// `equity_assets`: the share tokens (the cash token is left out).
    public func shareAssets() async throws(NodeRPCError) -> [ChainAsset] {
        let method = "equity_assets"
        guard case .array(let list) = try await call(method, []) else {
            throw .malformedResponse(method: method, reason: "expected an array of assets")
        }
        var assets: [ChainAsset] = []
        for item in list {
            let o = try object(method, item)
            guard o["kind"] == .string("share") else { continue }
            let isinText = try read(method, o["isin"], "isin", RPCValue.string)
            let isin: ISIN
            do { isin = try ISIN(isinText) } catch { throw .malformedResponse(method: method, reason: "isin '\(isinText)': \(error)") }
            let multiplierText = try read(method, o["multiplier"], "multiplier", RPCValue.string)
            let multiplier: UInt128
            do { multiplier = try Amount.parse(multiplierText, decimals: 18) } catch {
                throw .malformedResponse(method: method, reason: "multiplier '\(multiplierText)': \(error)")
            }
            let supply = try read(method, o["totalSupply"], "totalSupply", RPCValue.uint256)
            guard let totalSupply = supply.uint128 else { throw .malformedResponse(method: method, reason: "totalSupply beyond 128 bits") }
            assets.append(ChainAsset(
                address: try read(method, o["address"], "address", RPCValue.address),
                symbol: try read(method, o["symbol"], "symbol", RPCValue.string),
                isin: isin, multiplier: multiplier, totalSupply: totalSupply))
        }
        return assets
    }

    /// `equity_getRedemptions(fromId)`: one page of redemptions with id ≥ `fromId`.
    public func redemptions(fromId: UInt64) async throws(NodeRPCError) -> [ChainRedemption] {
        let method = "equity_getRedemptions"
        guard case .array(let list) = try await call(method, [.quantity(fromId)]) else {
            throw .malformedResponse(method: method, reason: "expected an array of redemptions")
        }
        return try list.map { item throws(NodeRPCError) in
            let o = try object(method, item)
            let amount = try read(method, o["amount"], "amount", RPCValue.uint256)
            guard let raw = amount.uint128 else { throw .malformedResponse(method: method, reason: "amount beyond 128 bits") }
            return ChainRedemption(Redemption(
                id: try read(method, o["id"], "id", RPCValue.uint64),
                token: try read(method, o["token"], "token", RPCValue.address),
                holder: try read(method, o["holder"], "holder", RPCValue.address),
                amount: raw,
                brokerageAccountRef: try read(method, o["brokerageAccountRef"], "brokerageAccountRef", RPCValue.string),
                blockNumber: try read(method, o["blockNumber"], "blockNumber", RPCValue.uint64)), blockTimestamp: nil)
        }
    }

    /// `equity_getDeposit(depositId)`: the block the deposit was minted in, nil if never. Read
    /// from the latest state, so it may be the open block (above `eth_blockNumber`), not yet committed.
    public func depositBlock(_ depositId: Bytes32) async throws(NodeRPCError) -> UInt64? {
        let method = "equity_getDeposit"
        let result = try await call(method, [.hash(depositId)])
        if result == .null { return nil }
        return try read(method, try object(method, result)["blockNumber"], "blockNumber", RPCValue.uint64)
    }
}
