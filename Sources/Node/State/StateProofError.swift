/// Why bytes are not a state proof in the encoding of `StateProof.encoded`.
public enum StateProofError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No bytes at all.
    case empty
    /// The first byte is neither 0x00 (empty tree) nor 0x01 (leaf and steps).
    case unknownTag(UInt8)
    /// A length that is not 1 (tag 0x00) or 65 + 33·k (tag 0x01).
    case wrongLength(Int)
    /// Step `step` (0 = at the root) does not split at a later bit than the step before it.
    case bitIndicesNotIncreasing(step: Int)

    public var description: String {
        switch self {
        case .empty:
            return "state proof: no bytes"
        case .unknownTag(let tag):
            return "state proof: unknown leading byte 0x\(String(tag, radix: 16)); expected 0x00 (empty tree) or 0x01 (leaf and steps)"
        case .wrongLength(let count):
            return "state proof: \(count) bytes; expected 1 byte for an empty tree or 65 + 33 per step for a leaf and its steps"
        case .bitIndicesNotIncreasing(let step):
            return "state proof: step \(step) does not split at a later bit than the step before it; bit indices must strictly increase from the root"
        }
    }
}
