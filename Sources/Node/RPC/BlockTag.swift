/// Which block a request is about: a tag, a number, or (EIP-1898) a hash.
///
/// The sequencer's blocks are final when committed, so `safe` and `finalized` are the
/// latest block; `pending` is the open block the sequencer is filling.
public enum BlockTag: Sendable, Equatable {
    case latest
    case pending
    case earliest
    case safe
    case finalized
    case number(UInt64)
    case hash(Bytes32)
}
