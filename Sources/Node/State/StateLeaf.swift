/// One entry of the state tree: the hash of an encoded state key (`path`) and the hash of
/// its encoded value (`valueHash`). The tree never sees raw keys or values.
public struct StateLeaf: Hashable, Sendable {
    /// `keccak256(encoded state key)`: where the leaf sits, bit 0 first.
    public var path: Bytes32
    /// `keccak256(encoded value)`.
    public var valueHash: Bytes32

    public init(path: Bytes32, valueHash: Bytes32) {
        self.path = path
        self.valueHash = valueHash
    }

    /// `keccak256(0x00 ‖ path ‖ valueHash)`: the leaf's node hash.
    public var hash: Bytes32 { StateNodeHash.leaf(path: path, valueHash: valueHash) }
}
