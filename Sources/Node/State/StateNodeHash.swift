/// The two hash preimages of the state tree, hashed from a stack buffer (no allocation).
///
/// Both fit in one Keccak-256 block (136 bytes), and their lengths and first bytes differ,
/// so a leaf can never be passed off as a branch or the other way round:
///
/// - leaf:   `keccak256(0x00 ‖ path(32) ‖ valueHash(32))`, 65 bytes;
/// - branch: `keccak256(0x01 ‖ bitIndex(1) ‖ leftHash(32) ‖ rightHash(32))`, 66 bytes.
///
/// docs/state-root.md documents the construction.
enum StateNodeHash {
    /// The hash of the leaf holding `valueHash` at `path`.
    @inline(__always)
    static func leaf(path: Bytes32, valueHash: Bytes32) -> Bytes32 {
        var buffer: PreimageBuffer = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw in
            let base = raw.baseAddress!
            base.storeBytes(of: 0x00, as: UInt8.self)
            path.store(into: base, at: 1)
            valueHash.store(into: base, at: 33)
            return Keccak256.hash(UnsafeRawBufferPointer(rebasing: raw[0..<65]))
        }
    }

    /// The hash of the branch splitting at `bitIndex` with children `left` (bit 0) and
    /// `right` (bit 1).
    @inline(__always)
    static func branch(bitIndex: UInt8, left: Bytes32, right: Bytes32) -> Bytes32 {
        var buffer: PreimageBuffer = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw in
            let base = raw.baseAddress!
            base.storeBytes(of: 0x01, as: UInt8.self)
            base.storeBytes(of: bitIndex, toByteOffset: 1, as: UInt8.self)
            left.store(into: base, at: 2)
            right.store(into: base, at: 34)
            return Keccak256.hash(UnsafeRawBufferPointer(rebasing: raw[0..<66]))
        }
    }

    /// 72 bytes on the stack: room for the longer (66-byte) preimage.
    private typealias PreimageBuffer = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
}
