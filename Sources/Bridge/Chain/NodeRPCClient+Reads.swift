import Node

/// Reads `attest` and `dividends` need beyond the mint and redemption calls.
extension NodeRPCClient {
    /// The timestamp of the latest committed block (`eth_getBlockByNumber("latest")`).
    public func headTimestamp() async throws(NodeRPCError) -> UInt64 {
        let method = "eth_getBlockByNumber"
        let result = try await call(method, [.string("latest"), .bool(false)])
        guard case .object(let block) = result else { throw .malformedResponse(method: method, reason: "expected a block object") }
        return try read(method, block["timestamp"], "timestamp", RPCValue.uint64)
    }

    /// The cash (USD) token's address from `equity_assets`.
    public func cashToken() async throws(NodeRPCError) -> Address {
        let method = "equity_assets"
        guard case .array(let list) = try await call(method, []) else {
            throw .malformedResponse(method: method, reason: "expected an array of assets")
        }
        for case .object(let o) in list where o["kind"] == .string("cash") {
            return try read(method, o["address"], "address", RPCValue.address)
        }
        throw .malformedResponse(method: method, reason: "the chain lists no cash token")
    }

    /// `equity_getReserves(asset)`: the latest attestation's fields, nil when the asset has none.
    public func reserveAttestation(of asset: Address) async throws(NodeRPCError) -> [String: JSONValue]? {
        let result = try await call("equity_getReserves", [.string(asset.checksummed)])
        if result == .null { return nil }
        guard case .object(let o) = result else { throw .malformedResponse(method: "equity_getReserves", reason: "expected an object") }
        return o
    }

    /// `equity_getHolders(token, after)`: one page of the token's holders in address
    /// order and the cursor of the next page (nil after the last).
    public func holders(of token: Address, after: Address?) async throws(NodeRPCError) -> (holders: [Address], next: Address?) {
        let method = "equity_getHolders"
        let result = try await call(method, [.string(token.checksummed), after.map { .string($0.checksummed) } ?? .null])
        guard case .object(let o) = result, case .array(let list)? = o["holders"] else {
            throw .malformedResponse(method: method, reason: "expected an object with holders")
        }
        var holders: [Address] = []
        for case .object(let h) in list { holders.append(try read(method, h["address"], "address", RPCValue.address)) }
        let next: Address? = o["next"] == .null ? nil : try read(method, o["next"], "next", RPCValue.address)
        return (holders, next)
    }

    /// `eth_call` of `function` with `arguments` on `to`: the decoded outputs.
    public func view(_ function: ABIFunction, on to: Address, _ arguments: [ABIValue]) async throws(NodeRPCError) -> [ABIValue] {
        let data: [UInt8]
        do { data = try function.encodeCall(arguments) } catch {
            throw .malformedResponse(method: "eth_call", reason: "cannot encode \(function.name): \(error)")
        }
        let output = try await call(to: to, data: data)
        do { return try function.decodeOutput(output) } catch {
            throw .malformedResponse(method: "eth_call", reason: "\(function.name) returned what does not decode: \(error)")
        }
    }
}
