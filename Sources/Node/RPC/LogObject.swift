/// The JSON of a log (ethereum/execution-apis `Log`).
public enum LogObject {
    /// Where a log is: its block, its transaction and its index in the block.
    public struct Position: Sendable {
        public var blockHash: Bytes32
        public var blockNumber: UInt64
        public var blockTimestamp: UInt64
        public var transactionHash: Bytes32
        public var transactionIndex: UInt32
        public var logIndex: UInt64
    }

    public static func json(_ log: Log, at p: Position) -> JSONValue {
        .object([
            "address": .address(log.address),
            "topics": .array(log.topics.map(JSONValue.hash)),
            "data": .data(log.data),
            "blockHash": .hash(p.blockHash),
            "blockNumber": .quantity(p.blockNumber),
            "blockTimestamp": .quantity(p.blockTimestamp),
            "transactionHash": .hash(p.transactionHash),
            "transactionIndex": .quantity(UInt64(p.transactionIndex)),
            "logIndex": .quantity(p.logIndex),
            "removed": .bool(false),
        ])
    }

    /// Every log of a block's receipts with its position, in block order.
    public static func positioned(_ header: BlockHeader, hash: Bytes32, receipts: [Receipt]) -> [(Log, Position)] {
        var out: [(Log, Position)] = []
        var index: UInt64 = 0
        for r in receipts {
            for log in r.logs {
                out.append((log, Position(blockHash: hash, blockNumber: header.number, blockTimestamp: header.timestamp,
                                          transactionHash: r.transactionHash, transactionIndex: r.transactionIndex, logIndex: index)))
                index += 1
            }
        }
        return out
    }
}
