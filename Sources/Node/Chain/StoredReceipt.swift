/// How receipts are stored: everything the RPC serves, as canonical RLP.
extension Receipt {
    /// rlp([txHash, index, type, from, to or empty, status, gasUsed, cumulativeGasUsed,
    /// [[address, [topics], data]], revertReason]), appended to `out` in place.
    func appendStored(to out: inout [UInt8]) {
        let reason = revertReason.utf8
        RLP.appendHeader(listPayload: storedPayloadLength, to: &out)
        RLP.appendBytes32(transactionHash, to: &out)
        RLP.appendUInt(UInt64(transactionIndex), to: &out)
        RLP.appendUInt(UInt64(type.rawValue), to: &out)
        RLP.appendAddress(from, to: &out)
        RLP.appendRecipient(to, to: &out)
        RLP.appendUInt(UInt64(succeeded ? 1 : 0), to: &out)
        RLP.appendUInt(gasUsed, to: &out)
        RLP.appendUInt(cumulativeGasUsed, to: &out)
        Log.appendRLPList(logs, to: &out)
        RLP.appendString(reason, to: &out)
    }

    /// The size of `appendStored`'s output.
    var storedLength: Int { RLP.encodedListLength(payload: storedPayloadLength) }

    private var storedPayloadLength: Int {
        let reason = revertReason.utf8
        return 33 + RLP.encodedLength(of: UInt64(transactionIndex)) + RLP.encodedLength(of: UInt64(type.rawValue))
            + 21 + (to == nil ? 1 : 21) + 1 + RLP.encodedLength(of: gasUsed) + RLP.encodedLength(of: cumulativeGasUsed)
            + Log.rlpListLength(logs) + RLP.encodedStringLength(count: reason.count, first: reason.first)
    }

    /// A block's receipts as stored: the RLP list of each one's stored form.
    static func encodeStored(_ receipts: [Receipt]) -> [UInt8] {
        let payload = receipts.reduce(0) { $0 + $1.storedLength }
        var out: [UInt8] = []
        out.reserveCapacity(RLP.encodedListLength(payload: payload))
        RLP.appendHeader(listPayload: payload, to: &out)
        for receipt in receipts { receipt.appendStored(to: &out) }
        return out
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
