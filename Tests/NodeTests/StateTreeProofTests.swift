import Testing
@testable import Node

@Suite("State tree proofs")
struct StateTreeProofTests {
    /// A committed random tree, its leaves, and paths it does not hold.
    static func randomTree(seed: UInt64, size: Int) -> (tree: StateTree, leaves: [StateLeaf], absent: [Bytes32]) {
        var rng = SplitMix64(seed: seed)
        let leaves = (0..<size).map { _ in StateLeaf(path: StateTreeTests.random(&rng), valueHash: StateTreeTests.random(&rng)) }
        var tree = StateTree()
        for leaf in leaves { tree.update(path: leaf.path, valueHash: leaf.valueHash) }
        tree.commit()
        return (tree, leaves, (0..<size).map { _ in StateTreeTests.random(&rng) })
    }

    @Test("inclusion proofs verify for every present path, and prove nothing else")
    func inclusion() throws {
        let (tree, leaves, _) = Self.randomTree(seed: 11, size: 300)
        var rng = SplitMix64(seed: 12)
        for leaf in leaves {
            let proof = try tree.proof(for: leaf.path)
            #expect(proof.leaf == leaf)
            #expect(proof.verify(root: tree.root, path: leaf.path, valueHash: leaf.valueHash))
            #expect(!proof.verify(root: tree.root, path: leaf.path, valueHash: StateTreeTests.random(&rng)))
            #expect(!proof.verify(root: StateTreeTests.random(&rng), path: leaf.path, valueHash: leaf.valueHash))
            #expect(!proof.verifyAbsence(root: tree.root, path: leaf.path))
        }
    }

    @Test("exclusion proofs verify for absent paths, and fail once the path is added")
    func exclusion() throws {
        var (tree, leaves, absent) = Self.randomTree(seed: 21, size: 300)
        for path in absent {
            let proof = try tree.proof(for: path)
            #expect(proof.leaf != nil && proof.leaf?.path != path)
            #expect(proof.verifyAbsence(root: tree.root, path: path))
            #expect(!proof.verify(root: tree.root, path: path, valueHash: proof.leaf!.valueHash))
        }
        // A proof of absence for one absent path says nothing about a present one.
        let wrongPath = try tree.proof(for: absent[0])
        #expect(!wrongPath.verifyAbsence(root: tree.root, path: leaves[0].path))
        // Once the path is added, the old exclusion proof no longer matches the new root.
        let stale = try tree.proof(for: absent[1])
        tree.update(path: absent[1], valueHash: absent[1])
        tree.commit()
        #expect(!stale.verifyAbsence(root: tree.root, path: absent[1]))
        #expect(try tree.proof(for: absent[1]).verify(root: tree.root, path: absent[1], valueHash: absent[1]))
    }

    @Test("the empty tree's proof is 0x00 and proves absence only under the zero root")
    func emptyTree() throws {
        let proof = try StateTree().proof(for: StateTreeTests.path(5))
        #expect(proof.encoded == [0x00])
        #expect(proof.verifyAbsence(root: .zero, path: StateTreeTests.path(5)))
        #expect(!proof.verifyAbsence(root: StateTreeTests.filled(1), path: StateTreeTests.path(5)))
        #expect(!proof.verify(root: .zero, path: StateTreeTests.path(5), valueHash: .zero))
        #expect(try StateProof(encoded: [0x00]) == proof)
    }

    @Test("a one-leaf tree's proofs have no steps")
    func oneLeaf() throws {
        var tree = StateTree()
        tree.update(path: StateTreeTests.path(1), valueHash: StateTreeTests.filled(1))
        let root = tree.commit()
        let present = try tree.proof(for: StateTreeTests.path(1))
        #expect(present.steps.isEmpty && present.encoded.count == 65)
        #expect(present.verify(root: root, path: StateTreeTests.path(1), valueHash: StateTreeTests.filled(1)))
        let absent = try tree.proof(for: StateTreeTests.path(2))
        #expect(absent == present)
        #expect(absent.verifyAbsence(root: root, path: StateTreeTests.path(2)))
    }

    @Test("altering any byte of an encoded proof, the value hash or the root makes it fail")
    func tampering() throws {
        let (tree, leaves, absent) = Self.randomTree(seed: 31, size: 200)
        let leaf = leaves[17]
        let inclusion = try tree.proof(for: leaf.path).encoded
        let exclusion = try tree.proof(for: absent[3]).encoded
        #expect(inclusion.count > 65 && exclusion.count > 65)
        for index in inclusion.indices {
            for flip: UInt8 in [0x01, 0x80] {
                var bytes = inclusion
                bytes[index] ^= flip
                if let proof = try? StateProof(encoded: bytes) {
                    #expect(!proof.verify(root: tree.root, path: leaf.path, valueHash: leaf.valueHash), "byte \(index)")
                }
            }
        }
        for index in exclusion.indices {
            for flip: UInt8 in [0x01, 0x80] {
                var bytes = exclusion
                bytes[index] ^= flip
                if let proof = try? StateProof(encoded: bytes) {
                    #expect(!proof.verifyAbsence(root: tree.root, path: absent[3]), "byte \(index)")
                }
            }
        }
        let proof = try StateProof(encoded: inclusion)
        let proofOfAbsence = try StateProof(encoded: exclusion)
        for index in 0..<32 {
            var value = leaf.valueHash.bytes
            value[index] ^= 0x01
            #expect(!proof.verify(root: tree.root, path: leaf.path, valueHash: Bytes32(bytes: value)!))
            var root = tree.root.bytes
            root[index] ^= 0x01
            #expect(!proof.verify(root: Bytes32(bytes: root)!, path: leaf.path, valueHash: leaf.valueHash))
            #expect(!proofOfAbsence.verifyAbsence(root: Bytes32(bytes: root)!, path: absent[3]))
        }
        // Dropping or adding a step breaks the proof too.
        var shorter = proof
        shorter.steps.removeLast()
        #expect(!shorter.verify(root: tree.root, path: leaf.path, valueHash: leaf.valueHash))
        var longer = proof
        longer.steps.insert(StateProof.Step(bitIndex: 0, sibling: .zero), at: 0)
        #expect(!longer.verify(root: tree.root, path: leaf.path, valueHash: leaf.valueHash))
    }

    @Test("encoding round-trips and has the documented length")
    func roundTrip() throws {
        let (tree, leaves, absent) = Self.randomTree(seed: 41, size: 100)
        for path in leaves.prefix(20).map(\.path) + absent.prefix(20) {
            let proof = try tree.proof(for: path)
            let bytes = proof.encoded
            #expect(bytes.first == 0x01)
            #expect(bytes.count == 65 + 33 * proof.steps.count)
            #expect(try StateProof(encoded: bytes) == proof)
        }
    }

    @Test("the decoder refuses malformed bytes with a specific error")
    func malformedEncodings() throws {
        let (tree, leaves, _) = Self.randomTree(seed: 51, size: 50)
        let good = try tree.proof(for: leaves[0].path).encoded
        #expect(throws: StateProofError.empty) { try StateProof(encoded: []) }
        #expect(throws: StateProofError.unknownTag(0x02)) { try StateProof(encoded: [0x02] + good.dropFirst()) }
        #expect(throws: StateProofError.wrongLength(2)) { try StateProof(encoded: [0x00, 0x00]) }
        #expect(throws: StateProofError.wrongLength(1)) { try StateProof(encoded: [0x01]) }
        #expect(throws: StateProofError.wrongLength(64)) { try StateProof(encoded: Array(good.prefix(64))) }
        #expect(throws: StateProofError.wrongLength(good.count - 1)) { try StateProof(encoded: Array(good.dropLast())) }
        #expect(throws: StateProofError.wrongLength(good.count + 1)) { try StateProof(encoded: good + [0]) }
        // Steps must split at strictly later bits: repeat the first step's bit index in the second.
        var repeated = good
        repeated[65 + 33] = repeated[65]
        #expect(throws: StateProofError.bitIndicesNotIncreasing(step: 1)) { try StateProof(encoded: repeated) }
        var decreasing = good
        decreasing[65 + 33] = 0
        decreasing[65] = 1
        #expect(throws: StateProofError.bitIndicesNotIncreasing(step: 1)) { try StateProof(encoded: decreasing) }
        #expect(StateProofError.wrongLength(64).description.contains("64 bytes"))
    }

    @Test("hand-built malformed proofs are refused, not trusted")
    func malformedValues() throws {
        let (tree, leaves, absent) = Self.randomTree(seed: 61, size: 64)
        let leaf = leaves[5]
        let proof = try tree.proof(for: leaf.path)
        #expect(proof.steps.count >= 2)
        var swapped = proof
        swapped.steps.swapAt(0, 1)
        #expect(!swapped.verify(root: tree.root, path: leaf.path, valueHash: leaf.valueHash))
        // No leaf but steps: not the empty tree's proof.
        let noLeaf = StateProof(leaf: nil, steps: proof.steps)
        #expect(!noLeaf.verifyAbsence(root: .zero, path: absent[0]))
        #expect(!noLeaf.verifyAbsence(root: tree.root, path: absent[0]))
        // A leaf that does not sit on the path's side of a step cannot prove absence.
        let exclusion = try tree.proof(for: absent[0])
        let step = exclusion.steps[0]
        var offPath = absent[0].bytes
        offPath[Int(step.bitIndex) / 8] ^= 0x80 >> (step.bitIndex % 8)
        #expect(!exclusion.verifyAbsence(root: tree.root, path: Bytes32(bytes: offPath)!))
        #expect(exclusion.impliedRoot(walking: Bytes32(bytes: offPath)!) == nil)
    }

    @Test("the deepest tree: 257 leaves in a chain of 256 branches, proofs of 256 steps")
    func deepestTree() throws {
        // Path i has its first i bits set and the rest clear, so paths i < j first differ at bit i.
        let paths = (0...256).map { ones in
            Bytes32(bytes: (0..<32).map { byte in
                let set = min(max(ones - byte * 8, 0), 8)
                return UInt8(truncatingIfNeeded: 0xff00 >> set)
            })!
        }
        var tree = StateTree()
        tree.parallelCommitMinimum = 0
        var model: [Bytes32: Bytes32] = [:]
        for path in paths.reversed() {
            tree.update(path: path, valueHash: path)
            model[path] = path
        }
        #expect(tree.commit() == StateTreeReference.root(model))
        for path in [paths[255], paths[256]] {
            let proof = try tree.proof(for: path)
            #expect(proof.steps.map(\.bitIndex) == (0...255).map { UInt8($0) })
            let bytes = proof.encoded
            #expect(bytes.count == 65 + 33 * 256)
            #expect(try StateProof(encoded: bytes).verify(root: tree.root, path: path, valueHash: path))
        }
        #expect(try tree.proof(for: paths[0]).steps.count == 1)
    }

    @Test("proofs after a parallel commit equal those after a sequential one")
    func parallelCommit() throws {
        var rng = SplitMix64(seed: 71)
        let leaves = (0..<2_000).map { _ in StateLeaf(path: StateTreeTests.random(&rng), valueHash: StateTreeTests.random(&rng)) }
        var sequential = StateTree(), parallel = StateTree()
        sequential.parallelCommitMinimum = .max
        parallel.parallelCommitMinimum = 0
        for leaf in leaves {
            sequential.update(path: leaf.path, valueHash: leaf.valueHash)
            parallel.update(path: leaf.path, valueHash: leaf.valueHash)
        }
        #expect(sequential.commit() == parallel.commit())
        for leaf in leaves.prefix(50) {
            #expect(try sequential.proof(for: leaf.path) == parallel.proof(for: leaf.path))
        }
    }
}
