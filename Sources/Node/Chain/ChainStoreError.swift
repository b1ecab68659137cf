/// Why the chain database cannot be used.
public enum ChainStoreError: Error, CustomStringConvertible {
    case rocksDB(RocksDBError)
    /// Stored bytes that do not decode: the database is damaged or not an EquityChain one.
    case corrupt(String)
    /// The data directory holds another chain.
    case genesisMismatch(stored: Bytes32, expected: Bytes32)
    /// The state loaded at startup does not hash to the head block's state root.
    case stateRootMismatch(head: UInt64, computed: Bytes32, header: Bytes32)

    public var description: String {
        switch self {
        case .rocksDB(let e): return e.description
        case .corrupt(let what): return "chain database is damaged: \(what)"
        case .genesisMismatch(let stored, let expected):
            return "data directory holds another chain: its genesis block is \(stored), this genesis gives \(expected)"
        case .stateRootMismatch(let head, let computed, let header):
            return "state at block \(head) hashes to \(computed) but the block says \(header): the database is damaged"
        }
    }
}
