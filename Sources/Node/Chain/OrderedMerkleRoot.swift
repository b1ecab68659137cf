/// The root over an ordered list (a block's transactions or receipts).
///
/// Leaves are the Keccak-256 of each item's encoding. Pairs are hashed as
/// keccak256(0x01 ‖ left ‖ right) level by level; an odd last node moves up unchanged.
/// An empty list has Ethereum's empty-trie root, so empty blocks look as they do on
/// Ethereum. (docs/architecture.md describes why not Ethereum's trie: nothing in
/// wallet tooling verifies these roots, and this one is cheaper to build and prove.)
public enum OrderedMerkleRoot {
    /// keccak256(rlp("")): Ethereum's root of an empty trie.
    public static let empty = Bytes32(hex: "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")!

    public static func root(leaves: [Bytes32]) -> Bytes32 {
        guard !leaves.isEmpty else { return empty }
        var level = leaves
        var buffer = [UInt8](repeating: 0x01, count: 65)
        while level.count > 1 {
            var next: [Bytes32] = []
            next.reserveCapacity((level.count + 1) / 2)
            var i = 0
            while i + 1 < level.count {
                buffer.replaceSubrange(1..<33, with: level[i].bytes)
                buffer.replaceSubrange(33..<65, with: level[i + 1].bytes)
                next.append(Keccak256.hash(buffer))
                i += 2
            }
            if i < level.count { next.append(level[i]) }
            level = next
        }
        return level[0]
    }
}
