/// How receipts are stored: everything the RPC serves, as canonical RLP.
extension Receipt {
    /// rlp([txHash, index, type, from, to or empty, status, gasUsed, cumulativeGasUsed,
    /// [[address, [topics], data]], revertReason]).
    var storedItem: RLPItem {
        .list([
            .bytes(transactionHash.bytes), .uint(UInt64(transactionIndex)), .uint(UInt64(type.rawValue)),
            .bytes(from.bytes), .bytes(to?.bytes ?? []), .uint(succeeded ? 1 : 0), .uint(gasUsed), .uint(cumulativeGasUsed),
            .list(logs.map { .list([.bytes($0.address.bytes), .list($0.topics.map { .bytes($0.bytes) }), .bytes($0.data)]) }),
            .bytes(Array(revertReason.utf8)),
        ])
    }

    init(stored r: inout RLPReader) throws(RLPError) {
        var f = try r.readList()
        let hash = try f.readBytes32()
        let index = try f.readUInt64()
        guard let type = TransactionType(rawValue: UInt8(truncatingIfNeeded: try f.readUInt64())) else {
            throw .wrongElementCount(expected: "a known transaction type", found: 0)
        }
        let from = try f.readAddress()
        let toBytes = try f.readBytes()
        let to = toBytes.isEmpty ? nil : Address(bytes: toBytes)
        let status = try f.readUInt64()
        let gasUsed = try f.readUInt64(), cumulative = try f.readUInt64()
        var logList = try f.readList()
        var logs: [Log] = []
        while !logList.isAtEnd {
            var l = try logList.readList()
            let address = try l.readAddress()
            var topicList = try l.readList()
            var topics: [Bytes32] = []
            while !topicList.isAtEnd { topics.append(try topicList.readBytes32()) }
            logs.append(Log(address: address, topics: topics, data: Array(try l.readBytes())))
            try l.finish()
        }
        let reason = String(decoding: try f.readBytes(), as: UTF8.self)
        try f.finish()
        self.init(transactionHash: hash, transactionIndex: UInt32(truncatingIfNeeded: index), type: type, from: from, to: to,
                  succeeded: status == 1, gasUsed: gasUsed, cumulativeGasUsed: cumulative, logs: logs, revertReason: reason)
    }
}
