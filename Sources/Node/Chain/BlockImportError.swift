/// Why a block from the sequencer is refused by a replaying node. Nothing of a refused
/// block is applied.
public enum BlockImportError: Error, CustomStringConvertible {
    case notNext(number: UInt64, parentHash: Bytes32, head: UInt64, headHash: Bytes32)
    case badSignature(index: Int, TransactionError)
    case execution(BlockExecutionError)
    case mismatch(field: String, block: String, computed: String)
    case sequencerHasOpenBlock
    case storage(ChainStoreError)

    public var description: String {
        switch self {
        case .notNext(let n, let p, let h, let hh):
            return "block \(n) with parent \(p) does not follow head \(h) (\(hh))"
        case .badSignature(let i, let e): return "transaction \(i): \(e.description)"
        case .execution(let e): return e.description
        case .mismatch(let f, let b, let c): return "\(f) mismatch: block says \(b), re-execution gives \(c)"
        case .sequencerHasOpenBlock: return "cannot import blocks while transactions are being sequenced"
        case .storage(let e): return e.description
        }
    }
}
