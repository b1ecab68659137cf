import Node

/// A holder's redemption on chain: tokens burned whose shares the custodian delivers
/// out of the reserve to the holder's brokerage account.
public struct ChainRedemption: Sendable, Equatable {
    /// The chain's sequential redemption id (from 1).
    public let id: UInt64
    public let token: Address
    public let holder: Address
    /// Raw token units burned.
    public let amount: UInt128
    /// The brokerage account the holder asked the shares to be delivered to.
    public let brokerageAccountRef: String
    public let blockNumber: UInt64
    /// The block's timestamp when read from the event (`eth_getLogs`); nil from `equity_getRedemptions`.
    public let blockTimestamp: UInt64?

    public init(id: UInt64, token: Address, holder: Address, amount: UInt128, brokerageAccountRef: String,
                blockNumber: UInt64, blockTimestamp: UInt64?) {
        self.id = id
        self.token = token
        self.holder = holder
        self.amount = amount
        self.brokerageAccountRef = brokerageAccountRef
        self.blockNumber = blockNumber
        self.blockTimestamp = blockTimestamp
    }

    /// Decodes a `Redemption(uint256 indexed id, address indexed holder, uint256 amount,
    /// string brokerageAccountRef)` log.
    public init(log: ChainLog) throws(NodeRPCError) {
        let values: [ABIValue]
        do { values = try ShareTokenInterface.redemptionEvent.decodeLog(topics: log.topics, data: log.data) } catch {
            throw .malformedResponse(method: "eth_getLogs", reason: "a Redemption log does not decode: \(error)")
        }
        do {
            guard values.count == 4, let id = try values[0].uint256().uint64 else {
                throw NodeRPCError.malformedResponse(method: "eth_getLogs", reason: "a Redemption log has a bad id")
            }
            self.init(id: id, token: log.address, holder: try values[1].address(), amount: try values[2].amount(),
                      brokerageAccountRef: try values[3].string(), blockNumber: log.blockNumber, blockTimestamp: log.blockTimestamp)
        } catch let error as NodeRPCError {
            throw error
        } catch {
            throw .malformedResponse(method: "eth_getLogs", reason: "a Redemption log does not decode: \(error)")
        }
    }
}
