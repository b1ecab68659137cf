/// The JSON of a receipt (ethereum/execution-apis `ReceiptInfo`), plus geth's
/// non-standard `revertReason` when the transaction failed.
public enum ReceiptObject {
    /// `firstLogIndex` is the index in the block of the receipt's first log: log indexes
    /// count across the block's receipts.
    public static func json(_ r: Receipt, firstLogIndex firstLog: UInt64, header: BlockHeader, blockHash: Bytes32) -> JSONValue {
        let logs = r.logs.enumerated().map { i, log in
            LogObject.json(log, at: .init(blockHash: blockHash, blockNumber: header.number, blockTimestamp: header.timestamp,
                                          transactionHash: r.transactionHash, transactionIndex: r.transactionIndex,
                                          logIndex: firstLog + UInt64(i)))
        }
        var m: [String: JSONValue] = [
            "transactionHash": .hash(r.transactionHash),
            "transactionIndex": .quantity(UInt64(r.transactionIndex)),
            "blockHash": .hash(blockHash),
            "blockNumber": .quantity(header.number),
            "from": .address(r.from),
            "to": r.to.map(JSONValue.address) ?? .null,
            "cumulativeGasUsed": .quantity(r.cumulativeGasUsed),
            "gasUsed": .quantity(r.gasUsed),
            "contractAddress": .null,
            "logs": .array(logs),
            "logsBloom": .data(r.bloom.bytes),
            "type": .quantity(UInt64(r.type.rawValue)),
            "status": .string(r.succeeded ? "0x1" : "0x0"),
            // Nothing is charged: the chain has no native currency.
            "effectiveGasPrice": .quantity(0 as UInt64),
        ]
        if !r.succeeded { m["revertReason"] = .string(r.revertReason) }
        return .object(m)
    }
}
