/// An `eth_getLogs` / `logs` subscription filter: addresses (any of) and topics by
/// position (null matches anything, an array matches any of its values).
public struct LogFilter: Sendable, Equatable {
    /// Empty means every address.
    public var addresses: [Address]
    /// Per position: nil for a wildcard, else the accepted values.
    public var topics: [[Bytes32]?]
    public var fromBlock: BlockTag?
    public var toBlock: BlockTag?
    public var blockHash: Bytes32?

    /// Most topic positions a log can have.
    public static let maximumTopics = 4

    public init(addresses: [Address] = [], topics: [[Bytes32]?] = [], fromBlock: BlockTag? = nil, toBlock: BlockTag? = nil, blockHash: Bytes32? = nil) {
        self.addresses = addresses
        self.topics = topics
        self.fromBlock = fromBlock
        self.toBlock = toBlock
        self.blockHash = blockHash
    }

    /// Reads the filter object of `eth_getLogs` and `eth_subscribe("logs", …)`.
    public init(json value: JSONValue) throws(RPCValueError) {
        let o = try RPCValue.object(value)
        self.init()
        do throws(RPCValueError) {
            switch o["address"] {
            case nil, .null?: break
            case .array(let list)?: addresses = try list.map { v throws(RPCValueError) in try RPCValue.address(v) }
            case let single?: addresses = [try RPCValue.address(single)]
            }
        } catch { throw error.at("address") }
        do throws(RPCValueError) {
            switch o["topics"] {
            case nil, .null?: break
            case .array(let positions)?:
                guard positions.count <= Self.maximumTopics else { throw RPCValueError("exceed max topics") }
                topics = try positions.map { p throws(RPCValueError) -> [Bytes32]? in
                    switch p {
                    case .null: return nil
                    case .array(let alternatives):
                        // An empty OR-list, like null, matches anything (as geth reads it).
                        if alternatives.isEmpty { return nil }
                        return try alternatives.map { v throws(RPCValueError) in
                            v == .null ? Bytes32.zero : try RPCValue.hash(v)
                        }
                    default: return [try RPCValue.hash(p)]
                    }
                }
            case let other?: throw RPCValueError("json: cannot unmarshal \(other.typeName) into topics")
            }
        } catch { throw error.at("topics") }
        if let hash = o["blockHash"], hash != .null {
            do { blockHash = try RPCValue.hash(hash) } catch { throw error.at("blockHash") }
            if o["fromBlock"].map({ $0 != .null }) == true || o["toBlock"].map({ $0 != .null }) == true {
                throw RPCValueError("cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other")
            }
        }
        if let from = o["fromBlock"], from != .null {
            do { fromBlock = try RPCValue.blockTag(from) } catch { throw error.at("fromBlock") }
        }
        if let to = o["toBlock"], to != .null {
            do { toBlock = try RPCValue.blockTag(to) } catch { throw error.at("toBlock") }
        }
    }

    /// Whether a block with this bloom can hold a matching log (false means certainly not).
    public func mayMatch(_ bloom: LogsBloom) -> Bool {
        if !addresses.isEmpty, !addresses.contains(where: { bloom.mayContain($0.bytes) }) { return false }
        for alternatives in topics {
            guard let alternatives else { continue }
            if !alternatives.contains(where: { bloom.mayContain($0.bytes) }) { return false }
        }
        return true
    }

    /// Whether `log` matches.
    public func matches(_ log: Log) -> Bool {
        if !addresses.isEmpty, !addresses.contains(log.address) { return false }
        guard topics.count <= log.topics.count else { return false }
        for (i, alternatives) in topics.enumerated() {
            guard let alternatives else { continue }
            if !alternatives.contains(log.topics[i]) { return false }
        }
        return true
    }
}
