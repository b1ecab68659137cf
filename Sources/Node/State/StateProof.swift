/// A proof of what the state tree under a given root holds at one path, checked with
/// Keccak-256 alone (no tree): `verify(root:path:valueHash:)` for an inclusion proof,
/// `verifyAbsence(root:path:)` for an exclusion proof.
///
/// A proof is the walk from the root along the path's bits: one `Step` per branch (its bit
/// index and the hash of the child the walk did not take), root first, and the leaf where the
/// walk ends. If that leaf has the path, the path is present with the leaf's value hash; if it
/// has another path, the path is absent, because a crit-bit walk for a present path always
/// ends at that path's leaf. The proof of an empty tree has no leaf and no steps.
///
/// Byte encoding (`encoded`, `init(encoded:)`; docs/state-root.md):
///
/// - empty tree: `0x00` (1 byte);
/// - otherwise: `0x01 ‖ leafPath(32) ‖ leafValueHash(32) ‖ step…` with each step
///   `bitIndex(1) ‖ siblingHash(32)`, root first: 65 + 33·k bytes for k steps (k ≤ 256).
public struct StateProof: Hashable, Sendable {
    /// One branch on the walk.
    public struct Step: Hashable, Sendable {
        /// The branch's crit bit (0 = most significant bit of the path).
        public var bitIndex: UInt8
        /// The hash of the branch's other child.
        public var sibling: Bytes32

        public init(bitIndex: UInt8, sibling: Bytes32) {
            self.bitIndex = bitIndex
            self.sibling = sibling
        }
    }

    /// The leaf where the walk ends; `nil` only for an empty tree.
    public var leaf: StateLeaf?
    /// The branches on the walk, root first; bit indices strictly increase.
    public var steps: [Step]

    public init(leaf: StateLeaf?, steps: [Step]) {
        self.leaf = leaf
        self.steps = steps
    }

    /// Whether this proves that, under `root`, `path` holds `valueHash`. `false` for a
    /// malformed proof, an exclusion proof, or any mismatch.
    public func verify(root: Bytes32, path: Bytes32, valueHash: Bytes32) -> Bool {
        guard let leaf, leaf.path == path, leaf.valueHash == valueHash else { return false }
        return impliedRoot(walking: path) == root
    }

    /// Whether this proves that no leaf under `root` has `path`. `false` for a malformed
    /// proof, an inclusion proof, or any mismatch.
    public func verifyAbsence(root: Bytes32, path: Bytes32) -> Bool {
        guard let leaf else { return steps.isEmpty && root == .zero }
        guard leaf.path != path else { return false }
        return impliedRoot(walking: path) == root
    }

    /// The root that the steps and leaf hash up to, for a walk along `path`; `nil` when the
    /// proof is not a well-formed walk along `path` (no leaf, bit indices not strictly
    /// increasing, or the leaf off the side the path takes at some branch).
    func impliedRoot(walking path: Bytes32) -> Bytes32? {
        guard let leaf else { return nil }
        var previous = -1
        for step in steps {
            let bit = Int(step.bitIndex)
            guard bit > previous, leaf.path.pathBit(bit) == path.pathBit(bit) else { return nil }
            previous = bit
        }
        var hash = leaf.hash
        for step in steps.reversed() {
            hash = path.pathBit(Int(step.bitIndex)) == 0
                ? StateNodeHash.branch(bitIndex: step.bitIndex, left: hash, right: step.sibling)
                : StateNodeHash.branch(bitIndex: step.bitIndex, left: step.sibling, right: hash)
        }
        return hash
    }

    // MARK: - Byte encoding

    static let emptyTreeTag: UInt8 = 0x00
    static let leafTag: UInt8 = 0x01
    static let headerLength = 65
    static let stepLength = 33

    /// The compact encoding described on the type.
    public var encoded: [UInt8] {
        guard let leaf else { return [Self.emptyTreeTag] }
        let length = Self.headerLength + Self.stepLength * steps.count
        return [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            let base = UnsafeMutableRawPointer(buffer.baseAddress!)
            base.storeBytes(of: Self.leafTag, as: UInt8.self)
            leaf.path.store(into: base, at: 1)
            leaf.valueHash.store(into: base, at: 33)
            var offset = Self.headerLength
            for step in steps {
                base.storeBytes(of: step.bitIndex, toByteOffset: offset, as: UInt8.self)
                step.sibling.store(into: base, at: offset + 1)
                offset += Self.stepLength
            }
            initialized = length
        }
    }

    /// Decodes the encoding described on the type, strictly: the exact length, a known
    /// tag, and strictly increasing bit indices, or an error naming what is wrong.
    public init(encoded bytes: [UInt8]) throws(StateProofError) {
        guard let tag = bytes.first else { throw .empty }
        switch tag {
        case Self.emptyTreeTag:
            guard bytes.count == 1 else { throw .wrongLength(bytes.count) }
            self.init(leaf: nil, steps: [])
        case Self.leafTag:
            guard bytes.count >= Self.headerLength,
                (bytes.count - Self.headerLength) % Self.stepLength == 0
            else { throw .wrongLength(bytes.count) }
            let stepCount = (bytes.count - Self.headerLength) / Self.stepLength
            let decoded = bytes.withUnsafeBytes { raw -> Result<StateProof, StateProofError> in
                let base = raw.baseAddress!
                let leaf = StateLeaf(path: Bytes32(loading: base, at: 1), valueHash: Bytes32(loading: base, at: 33))
                var steps: [Step] = []
                steps.reserveCapacity(stepCount)
                var previous = -1
                for index in 0..<stepCount {
                    let offset = Self.headerLength + index * Self.stepLength
                    let bitIndex = raw[offset]
                    guard Int(bitIndex) > previous else { return .failure(.bitIndicesNotIncreasing(step: index)) }
                    previous = Int(bitIndex)
                    steps.append(Step(bitIndex: bitIndex, sibling: Bytes32(loading: base, at: offset + 1)))
                }
                return .success(StateProof(leaf: leaf, steps: steps))
            }
            self = try decoded.get()
        default:
            throw .unknownTag(tag)
        }
    }
}
