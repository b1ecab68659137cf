/// Why a block-feed message is refused. A follower applies nothing of a refused message.
public enum BlockFeedError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a feed message: bad RLP, wrong shape, or a block that does not decode.
    case malformed(String)
    /// The message's number is not its block's.
    case numberMismatch(message: UInt64, block: UInt64)
    /// The message is for another chain.
    case wrongChain(message: UInt64, expected: UInt64)
    /// The message's hash is not the hash of the header it carries.
    case hashMismatch(message: Bytes32, header: Bytes32)
    /// The signature is invalid (out of range, high s, or nothing recovers from it).
    case badSignature(Secp256k1.Failure)
    /// The signature is valid but not the genesis sequencer's.
    case wrongSigner(recovered: Address, sequencer: Address)

    public var description: String {
        switch self {
        case .malformed(let detail): return "malformed feed message: \(detail)"
        case .numberMismatch(let m, let b): return "feed message says block \(m) but carries block \(b)"
        case .wrongChain(let m, let e): return "feed message is for chain \(m), this node follows chain \(e)"
        case .hashMismatch(let m, let h): return "feed message says hash \(m) but its header hashes to \(h)"
        case .badSignature(let e): return "bad sequencer signature: \(e.description)"
        case .wrongSigner(let r, let s):
            return "feed message signed by \(r.checksummed), not by the genesis sequencer \(s.checksummed)"
        }
    }
}
