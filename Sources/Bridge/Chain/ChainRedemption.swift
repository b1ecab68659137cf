import Node

/// A holder's redemption read from the chain (the node's `Redemption` record), with
/// the timestamp of its block when it was read from the event.
public struct ChainRedemption: Sendable, Equatable {
    public let redemption: Redemption
    /// The block's timestamp when read from the event (`eth_getLogs`); nil from `equity_getRedemptions`.
    public let blockTimestamp: UInt64?

    public init(_ redemption: Redemption, blockTimestamp: UInt64?) {
        self.redemption = redemption
        self.blockTimestamp = blockTimestamp
    }

    /// Decodes a `Redemption(uint256 indexed id, address indexed holder, uint256 amount,
    /// string brokerageAccountRef)` log.
    public init(log: ChainLog) throws(NodeRPCError) {
        let values: [ABIValue]
        do { values = try ShareTokenInterface.redemptionEvent.decodeLog(topics: log.topics, data: log.data) } catch {
            throw .malformedResponse(method: "eth_getLogs", reason: "a Redemption log does not decode: \(error)")
        }
        let decoded: Redemption
        do {
            guard values.count == 4, let id = try values[0].uint256().uint64 else {
                throw NodeRPCError.malformedResponse(method: "eth_getLogs", reason: "a Redemption log has no 64-bit id")
            }
            decoded = Redemption(id: id, token: log.address, holder: try values[1].address(), amount: try values[2].amount(),
                                 brokerageAccountRef: try values[3].string(), blockNumber: log.blockNumber)
        } catch let error as NodeRPCError {
            throw error
        } catch {
            throw .malformedResponse(method: "eth_getLogs", reason: "a Redemption log does not decode: \(error)")
        }
        self.init(decoded, blockTimestamp: log.blockTimestamp)
    }
}
