@testable import Node

/// The state root computed the obvious way, from scratch: sort the leaves, and split each
/// range at the first bit where its first and last paths differ. Byte arrays and the
/// one-shot `Keccak256.hash`, independent of the tree's stack-buffer hashing.
enum StateTreeReference {
    static func root(_ leaves: [Bytes32: Bytes32]) -> Bytes32 {
        let sorted = leaves.sorted { $0.key < $1.key }.map { (path: $0.key.bytes, value: $0.value.bytes) }
        return root(sorted[...])
    }

    private static func root(_ leaves: ArraySlice<(path: [UInt8], value: [UInt8])>) -> Bytes32 {
        guard let first = leaves.first, let last = leaves.last else { return .zero }
        if leaves.count == 1 {
            return Keccak256.hash([0x00] + first.path + first.value)
        }
        // Sorted paths share every bit before the first one where the extremes differ.
        var bit = 0
        while self.bit(first.path, bit) == self.bit(last.path, bit) { bit += 1 }
        let split = leaves.firstIndex { self.bit($0.path, bit) == 1 } ?? leaves.endIndex
        return Keccak256.hash([0x01, UInt8(bit)] + root(leaves[..<split]).bytes + root(leaves[split...]).bytes)
    }

    private static func bit(_ bytes: [UInt8], _ index: Int) -> UInt8 {
        (bytes[index / 8] >> (7 - index % 8)) & 1
    }
}
