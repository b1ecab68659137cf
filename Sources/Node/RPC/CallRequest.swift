/// The transaction-call object of `eth_call` and `eth_estimateGas`
/// (ethereum/execution-apis `GenericTransaction`). Fee fields are read and checked
/// but play no part: nothing is charged on this chain.
public struct CallRequest: Sendable, Equatable {
    /// The caller; the zero address when absent, as geth does.
    public var from: Address
    /// The callee; nil would be a contract creation, which this chain refuses.
    public var to: Address?
    public var data: [UInt8]
    public var value: UInt256
    public var accessList: [AccessListEntry]

    public init(json value: JSONValue) throws(RPCValueError) {
        let o = try RPCValue.object(value)
        func field<T>(_ name: String, _ read: (JSONValue) throws(RPCValueError) -> T) throws(RPCValueError) -> T? {
            guard let v = o[name], v != .null else { return nil }
            do { return try read(v) } catch { throw error.at(name) }
        }
        from = try field("from", RPCValue.address) ?? .zero
        to = try field("to", RPCValue.address)
        let input = try field("input", RPCValue.data)
        let data = try field("data", RPCValue.data)
        if let input, let data, input != data {
            throw RPCValueError("both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass transaction call data")
        }
        self.data = input ?? data ?? []
        self.value = try field("value", RPCValue.uint256) ?? .zero
        for name in ["gas", "nonce", "chainId", "type"] { _ = try field(name, RPCValue.uint64) }
        for name in ["gasPrice", "maxFeePerGas", "maxPriorityFeePerGas"] { _ = try field(name, RPCValue.uint256) }
        accessList = try field("accessList", Self.accessList) ?? []
    }

    private static func accessList(_ value: JSONValue) throws(RPCValueError) -> [AccessListEntry] {
        guard case .array(let entries) = value else { throw RPCValueError("json: cannot unmarshal \(value.typeName) into an access list") }
        var out: [AccessListEntry] = []
        for (i, e) in entries.enumerated() {
            do {
                let o = try RPCValue.object(e)
                let address = try RPCValue.address(o["address"] ?? .null)
                var keys: [Bytes32] = []
                if case .array(let list)? = o["storageKeys"] { for k in list { keys.append(try RPCValue.hash(k)) } }
                out.append(AccessListEntry(address: address, storageKeys: keys))
            } catch { throw error.at("[\(i)]") }
        }
        return out
    }
}
