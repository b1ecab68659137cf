import Testing
@testable import Node

@Suite("State tree")
struct StateTreeTests {
    /// A path whose first byte is `first` and whose other bytes are zero.
    static func path(_ first: UInt8) -> Bytes32 {
        Bytes32(w0: UInt64(first) << 56, w1: 0, w2: 0, w3: 0)
    }

    /// A uniformly random 32-byte value from the test target's seeded generator.
    static func random(_ rng: inout SplitMix64) -> Bytes32 {
        Bytes32(w0: rng.next(), w1: rng.next(), w2: rng.next(), w3: rng.next())
    }

    static func filled(_ byte: UInt8) -> Bytes32 {
        Bytes32(bytes: [UInt8](repeating: byte, count: 32))!
    }

    @Test("the empty tree's root is zero and it holds nothing")
    func empty() throws {
        var tree = StateTree()
        #expect(tree.root == .zero)
        #expect(tree.commit() == .zero)
        #expect(tree.count == 0)
        #expect(tree.valueHash(at: Self.path(1)) == nil)
        #expect(tree.remove(path: Self.path(1)) == false)
        #expect(!tree.hasUncommittedChanges)
    }

    @Test("one leaf: the root is keccak256(0x00 ‖ path ‖ valueHash)")
    func oneLeaf() {
        var tree = StateTree()
        let path = Self.filled(0xab), value = Self.filled(0xcd)
        tree.update(path: path, valueHash: value)
        #expect(tree.hasUncommittedChanges)
        let root = tree.commit()
        #expect(root == Keccak256.hash([0x00] + path.bytes + value.bytes))
        #expect(root == StateLeaf(path: path, valueHash: value).hash)
        #expect(tree.valueHash(at: path) == value)
        #expect(tree.count == 1)
    }

    @Test("two leaves differing only in the last bit split at bit 255")
    func lastBit() {
        let a = Bytes32(w0: 7, w1: 7, w2: 7, w3: 6), b = Bytes32(w0: 7, w1: 7, w2: 7, w3: 7)
        var tree = StateTree()
        tree.update(path: b, valueHash: Self.filled(2))
        tree.update(path: a, valueHash: Self.filled(1))
        let leafA = Keccak256.hash([0x00] + a.bytes + Self.filled(1).bytes)
        let leafB = Keccak256.hash([0x00] + b.bytes + Self.filled(2).bytes)
        #expect(tree.commit() == Keccak256.hash([0x01, 255] + leafA.bytes + leafB.bytes))
        #expect(tree.valueHash(at: a) == Self.filled(1))
        #expect(tree.valueHash(at: b) == Self.filled(2))
    }

    @Test("two leaves differing in bit 0 split at bit 0, the 0 side on the left")
    func firstBit() {
        let low = Self.path(0x7f), high = Self.path(0x80)
        var tree = StateTree()
        tree.update(path: high, valueHash: Self.filled(9))
        tree.update(path: low, valueHash: Self.filled(8))
        let leafLow = StateLeaf(path: low, valueHash: Self.filled(8)).hash
        let leafHigh = StateLeaf(path: high, valueHash: Self.filled(9)).hash
        #expect(tree.commit() == Keccak256.hash([0x01, 0] + leafLow.bytes + leafHigh.bytes))
    }

    @Test("the worked example of docs/state-root.md (hashes from an independent Keccak)")
    func workedExample() throws {
        var tree = StateTree()
        tree.update(path: Self.path(0x80), valueHash: Self.filled(0x33))
        tree.update(path: Self.path(0x20), valueHash: Self.filled(0x11))
        tree.update(path: Self.path(0x30), valueHash: Self.filled(0x22))
        let root = tree.commit()
        #expect(root.hex == "0xae4992f69a7780323203afff809f9a39b791b60637f0193d19126c43a0586bce")
        #expect(StateLeaf(path: Self.path(0x20), valueHash: Self.filled(0x11)).hash.hex
            == "0x2df3200552910454796d03a8fbb21f64293059e984947f2f6802ffe971a5ea14")
        #expect(StateLeaf(path: Self.path(0x30), valueHash: Self.filled(0x22)).hash.hex
            == "0xa4dc19aa98e450cee3709a76f4fb9f8047aaa30e244d049cdd3501d70ce49862")
        #expect(StateLeaf(path: Self.path(0x80), valueHash: Self.filled(0x33)).hash.hex
            == "0x735c350b1672a5b7694fc8e4e19291c0c34b12f63d6de2de87feb03c040f1e8c")

        let inclusion = try tree.proof(for: Self.path(0x30))
        #expect(Hex.encode(inclusion.encoded) == "0x01" + "30" + String(repeating: "00", count: 31)
            + String(repeating: "22", count: 32)
            + "00" + "735c350b1672a5b7694fc8e4e19291c0c34b12f63d6de2de87feb03c040f1e8c"
            + "03" + "2df3200552910454796d03a8fbb21f64293059e984947f2f6802ffe971a5ea14")
        #expect(inclusion.verify(root: root, path: Self.path(0x30), valueHash: Self.filled(0x22)))

        let exclusion = try tree.proof(for: Self.path(0x28))
        #expect(Hex.encode(exclusion.encoded) == "0x01" + "20" + String(repeating: "00", count: 31)
            + String(repeating: "11", count: 32)
            + "00" + "735c350b1672a5b7694fc8e4e19291c0c34b12f63d6de2de87feb03c040f1e8c"
            + "03" + "a4dc19aa98e450cee3709a76f4fb9f8047aaa30e244d049cdd3501d70ce49862")
        #expect(exclusion.verifyAbsence(root: root, path: Self.path(0x28)))
    }

    @Test("removal promotes the sibling; removing everything gives the zero root")
    func removal() {
        var tree = StateTree()
        for first: UInt8 in [0x20, 0x30, 0x80] { tree.update(path: Self.path(first), valueHash: Self.filled(first)) }
        tree.commit()
        #expect(tree.remove(path: Self.path(0x30)) == true)
        #expect(tree.remove(path: Self.path(0x30)) == false)
        #expect(tree.remove(path: Self.path(0x31)) == false)
        #expect(tree.commit() == StateTreeReference.root([Self.path(0x20): Self.filled(0x20), Self.path(0x80): Self.filled(0x80)]))
        #expect(tree.remove(path: Self.path(0x80)) == true)
        #expect(tree.commit() == StateLeaf(path: Self.path(0x20), valueHash: Self.filled(0x20)).hash)
        #expect(tree.remove(path: Self.path(0x20)) == true)
        #expect(tree.commit() == .zero)
        #expect(tree.count == 0)
        tree.update(path: Self.path(0x40), valueHash: Self.filled(1))
        #expect(tree.commit() == StateLeaf(path: Self.path(0x40), valueHash: Self.filled(1)).hash)
    }

    @Test("a commit hashes only the nodes on changed paths")
    func commitCost() {
        var tree = StateTree()
        for first: UInt8 in [0x20, 0x30, 0x80] { tree.update(path: Self.path(first), valueHash: Self.filled(first)) }
        tree.commit()
        #expect(tree.lastCommitHashCount == 5)
        // C and the root.
        tree.update(path: Self.path(0x80), valueHash: Self.filled(1))
        tree.commit()
        #expect(tree.lastCommitHashCount == 2)
        // A, the bit-3 branch, C and the root.
        tree.update(path: Self.path(0x20), valueHash: Self.filled(1))
        tree.update(path: Self.path(0x80), valueHash: Self.filled(2))
        #expect(tree.uncommittedChangeCount == 2)
        tree.commit()
        #expect(tree.lastCommitHashCount == 4)
        // Removing B promotes A with its hash: only the root is rehashed.
        #expect(tree.remove(path: Self.path(0x30)) == true)
        tree.commit()
        #expect(tree.lastCommitHashCount == 1)
        // A new leaf under C: the new leaf, the new bit-7 branch and the root; C keeps its hash.
        tree.update(path: Self.path(0x81), valueHash: Self.filled(1))
        tree.commit()
        #expect(tree.lastCommitHashCount == 3)
        #expect(tree.root == StateTreeReference.root([
            Self.path(0x20): Self.filled(1), Self.path(0x80): Self.filled(2), Self.path(0x81): Self.filled(1),
        ]))
        tree.commit()
        #expect(tree.lastCommitHashCount == 0)
    }

    @Test("writing the value a leaf already holds changes nothing")
    func unchangedValue() {
        var tree = StateTree()
        tree.update(path: Self.path(1), valueHash: Self.filled(1))
        tree.update(path: Self.path(2), valueHash: Self.filled(2))
        let root = tree.commit()
        tree.update(path: Self.path(2), valueHash: Self.filled(2))
        #expect(!tree.hasUncommittedChanges)
        tree.update(path: Self.path(2), valueHash: Self.filled(3))
        #expect(tree.hasUncommittedChanges)
        #expect(tree.commit() != root)
        tree.update(path: Self.path(2), valueHash: Self.filled(2))
        #expect(tree.commit() == root)
    }

    @Test("random updates and removals match the from-scratch reference", arguments: [
        (seed: UInt64(1), parallelMinimum: Int.max),
        (seed: UInt64(2), parallelMinimum: 0),
        (seed: UInt64(3), parallelMinimum: 16),
    ])
    func randomAgainstReference(seed: UInt64, parallelMinimum: Int) {
        var rng = SplitMix64(seed: seed)
        // A pool of paths, so updates hit both new and existing leaves and removals succeed.
        let pool = (0..<500).map { _ in StateTreeTests.random(&rng) }
        var tree = StateTree()
        tree.parallelCommitMinimum = parallelMinimum
        var model: [Bytes32: Bytes32] = [:]
        for op in 1...4_000 {
            let path = pool[Int(rng.next() % UInt64(pool.count))]
            if rng.next() % 3 == 0 {
                #expect(tree.remove(path: path) == (model.removeValue(forKey: path) != nil))
            } else {
                let value = StateTreeTests.random(&rng)
                tree.update(path: path, valueHash: value)
                model[path] = value
            }
            if op % 97 == 0 || rng.next() % 211 == 0 {
                #expect(tree.commit() == StateTreeReference.root(model), "op \(op)")
                #expect(tree.count == model.count)
            }
        }
        for path in pool.prefix(40) { #expect(tree.valueHash(at: path) == model[path]) }
        // Down to empty, checking on the way.
        for (i, path) in model.keys.sorted().enumerated() {
            #expect(tree.remove(path: path) == true)
            model[path] = nil
            if i % 25 == 0 { #expect(tree.commit() == StateTreeReference.root(model)) }
        }
        #expect(tree.commit() == .zero)
        #expect(tree.count == 0)
    }

    @Test("batched updates equal the same updates one by one, repeated paths included")
    func batchedUpdates() {
        var rng = SplitMix64(seed: 5)
        let pool = (0..<300).map { _ in Self.random(&rng) }
        var batched = StateTree(), single = StateTree()
        batched.update(contentsOf: [StateLeaf]())
        #expect(batched.commit() == .zero && !batched.hasUncommittedChanges)
        var model: [Bytes32: Bytes32] = [:]
        for size in [1, 15, 16, 17, 100, 333] {
            // Drawn from a small pool: batches repeat paths and mix new leaves with existing ones.
            let batch = (0..<size).map { _ in
                StateLeaf(path: pool[rng.below(pool.count)], valueHash: Self.random(&rng))
            }
            batched.update(contentsOf: batch)
            for leaf in batch {
                single.update(path: leaf.path, valueHash: leaf.valueHash)
                model[leaf.path] = leaf.valueHash
            }
            #expect(batched.count == model.count)
            #expect(batched.commit() == single.commit())
            #expect(batched.root == StateTreeReference.root(model))
            batched.remove(path: batch[0].path)
            single.remove(path: batch[0].path)
            model[batch[0].path] = nil
        }
    }

    @Test("the root does not depend on the order of insertion")
    func insertionOrder() {
        var rng = SplitMix64(seed: 42)
        let leaves = (0..<800).map { _ in StateLeaf(path: StateTreeTests.random(&rng), valueHash: StateTreeTests.random(&rng)) }
        var forward = StateTree(), backward = StateTree(), shuffled = StateTree()
        for leaf in leaves { forward.update(path: leaf.path, valueHash: leaf.valueHash) }
        for leaf in leaves.reversed() { backward.update(path: leaf.path, valueHash: leaf.valueHash) }
        // Ordered by value hash: a third order, unrelated to the paths.
        for leaf in leaves.sorted(by: { $0.valueHash < $1.valueHash }) {
            shuffled.update(path: leaf.path, valueHash: leaf.valueHash)
        }
        let root = forward.commit()
        #expect(backward.commit() == root)
        #expect(shuffled.commit() == root)
        #expect(root == StateTreeReference.root(Dictionary(uniqueKeysWithValues: leaves.map { ($0.path, $0.valueHash) })))
    }

    @Test("bulk build equals incremental insertion, and keeps working incrementally", arguments: [0, 1, 2, 3, 1_000])
    func bulkBuild(size: Int) throws {
        var rng = SplitMix64(seed: UInt64(size) &+ 7)
        let leaves = (0..<size).map { _ in StateLeaf(path: StateTreeTests.random(&rng), valueHash: StateTreeTests.random(&rng)) }
            .sorted { $0.path < $1.path }
        var built = try StateTree(sortedLeaves: leaves)
        var incremental = StateTree()
        for leaf in leaves { incremental.update(path: leaf.path, valueHash: leaf.valueHash) }
        #expect(!built.hasUncommittedChanges)
        #expect(built.root == incremental.commit())
        #expect(built.count == size)
        // The built tree takes further changes like any other.
        let extra = StateTreeTests.random(&rng)
        built.update(path: extra, valueHash: extra)
        incremental.update(path: extra, valueHash: extra)
        if let first = leaves.first {
            built.remove(path: first.path)
            incremental.remove(path: first.path)
        }
        #expect(built.commit() == incremental.commit())
    }

    @Test("bulk build refuses unsorted or duplicate paths and names the leaf")
    func bulkBuildRefuses() {
        let a = StateLeaf(path: Self.path(1), valueHash: Self.filled(1))
        let b = StateLeaf(path: Self.path(2), valueHash: Self.filled(2))
        let c = StateLeaf(path: Self.path(3), valueHash: Self.filled(3))
        #expect(throws: StateTreeError.leavesNotStrictlyAscending(index: 2)) {
            try StateTree(sortedLeaves: [a, c, b])
        }
        #expect(throws: StateTreeError.leavesNotStrictlyAscending(index: 1)) {
            try StateTree(sortedLeaves: [a, StateLeaf(path: a.path, valueHash: Self.filled(9))])
        }
        #expect(StateTreeError.leavesNotStrictlyAscending(index: 2).description.contains("leaf 2"))
    }

    @Test("proofs are refused while changes are not committed")
    func proofNeedsCommit() throws {
        var tree = StateTree()
        tree.update(path: Self.path(1), valueHash: Self.filled(1))
        #expect(throws: StateTreeError.uncommittedChanges) { try tree.proof(for: Self.path(1)) }
        tree.commit()
        #expect(try tree.proof(for: Self.path(1)).verify(root: tree.root, path: Self.path(1), valueHash: Self.filled(1)))
    }
}
