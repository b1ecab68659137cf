/// The JSON of a transaction (ethereum/execution-apis `TransactionInfo`).
public enum TransactionObject {
    /// Where a committed transaction is; nil for one in the open block.
    public struct Location: Sendable {
        public var blockHash: Bytes32
        public var blockNumber: UInt64
        public var index: UInt32

        public init(blockHash: Bytes32, blockNumber: UInt64, index: UInt32) {
            self.blockHash = blockHash
            self.blockNumber = blockNumber
            self.index = index
        }
    }

    /// A transaction's fields, its signature and its place (`null`s while pending).
    public static func json(_ tx: SignedTransaction, sender: Address, hash: Bytes32, location: Location?) -> JSONValue {
        let t = tx.transaction
        var m: [String: JSONValue] = [
            "hash": .hash(hash),
            "type": .quantity(UInt64(t.type.rawValue)),
            "from": .address(sender),
            "to": t.to.map(JSONValue.address) ?? .null,
            "nonce": .quantity(t.nonce),
            "gas": .quantity(t.gasLimit),
            "value": .quantity(t.value),
            "input": .data(t.data),
            "v": .quantity(tx.v),
            "r": .quantity(UInt256(bigEndian: tx.signature.r.bytes) ?? .zero),
            "s": .quantity(UInt256(bigEndian: tx.signature.s.bytes) ?? .zero),
            "blockHash": location.map { .hash($0.blockHash) } ?? .null,
            "blockNumber": location.map { .quantity($0.blockNumber) } ?? .null,
            "transactionIndex": location.map { .quantity(UInt64($0.index)) } ?? .null,
        ]
        if let chainId = t.chainId { m["chainId"] = .quantity(chainId) }
        switch t {
        case .legacy(let l):
            m["gasPrice"] = .quantity(l.gasPrice)
        case .accessList(let a):
            m["gasPrice"] = .quantity(a.gasPrice)
            m["accessList"] = accessList(a.accessList)
            m["yParity"] = .quantity(UInt64(tx.signature.recoveryId))
        case .dynamicFee(let d):
            // The base fee is 0, so the price paid per gas is the tip, capped by the fee cap.
            m["gasPrice"] = .quantity(location == nil ? d.maxFeePerGas : min(d.maxPriorityFeePerGas, d.maxFeePerGas))
            m["maxFeePerGas"] = .quantity(d.maxFeePerGas)
            m["maxPriorityFeePerGas"] = .quantity(d.maxPriorityFeePerGas)
            m["accessList"] = accessList(d.accessList)
            m["yParity"] = .quantity(UInt64(tx.signature.recoveryId))
        }
        return .object(m)
    }

    static func accessList(_ entries: [AccessListEntry]) -> JSONValue {
        .array(entries.map { e in
            .object(["address": .address(e.address), "storageKeys": .array(e.storageKeys.map(JSONValue.hash))])
        })
    }
}
