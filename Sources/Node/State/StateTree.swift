/// The state root: a binary Merkle Patricia (crit-bit) trie over 32-byte paths.
///
/// Each leaf holds `(path, valueHash)`, where the state layer gives `path =
/// keccak256(encoded state key)` and `valueHash = keccak256(encoded value)`. A branch sits
/// exactly where the set of paths splits: at the first bit (its `bitIndex`, bit 0 = the most
/// significant bit of the path) where the paths below it differ, paths with a 0 there on the
/// left. So the tree, and its root, are a pure function of the set of leaves, whatever the
/// order of updates. Hashes:
///
/// - leaf:   `keccak256(0x00 ‖ path ‖ valueHash)`
/// - branch: `keccak256(0x01 ‖ bitIndex ‖ leftHash ‖ rightHash)`
/// - empty tree: `Bytes32.zero`; one leaf: the leaf's hash.
///
/// docs/state-root.md documents the construction, the proofs and a worked example.
///
/// Cost. `update` and `remove` walk one root-to-leaf path (about log2(count) branches for
/// uniformly spread paths) and only mark it stale; `commit()` then hashes each stale node
/// once, bottom-up, so a block costs one Keccak per node on the union of the changed paths.
/// Nodes live in two contiguous arrays indexed by `Int32`, with free lists: no object per
/// node and no reference counting on the hot path. A branch keeps its children's hashes
/// and staleness, so a commit reads only the nodes it rehashes, never their unchanged
/// siblings. A large commit hashes disjoint subtrees on several threads (see
/// `parallelCommitMinimum`); the result is identical to a sequential commit.
///
/// Thread safety. `StateTree` is a value type and `Sendable`: a copy can be read (`root`,
/// `valueHash(at:)`, `proof(for:)`) from any thread while the original is mutated elsewhere.
/// Mutations need exclusive access like any `var`. Copies share storage until one of them is
/// mutated, which then copies all nodes (O(count)): keep one owner that mutates in place.
/// `commit()` returns only when every hash is written; for a large commit it blocks the
/// calling thread while Dispatch worker threads hash the subtrees.
///
/// Capacity. Node indices are `Int32`, so a tree holds at most about 2^31 leaves; memory
/// (about 144 bytes a leaf: a 64-byte leaf and an 80-byte branch) runs out well before that.
public struct StateTree: Sendable {
    /// A branch, with its children's hashes: the commit that rehashes a branch finds both
    /// inputs here, and a proof finds the sibling hash here.
    struct Branch {
        var leftHash: Bytes32
        var rightHash: Bytes32
        /// Node references: `>= 0` is a branch index, `< 0` is `~leafIndex`.
        var left: Int32
        var right: Int32
        var bitIndex: UInt8
        /// `leftHash` is out of date: the left subtree changed since the last commit.
        var leftStale: Bool
        /// `rightHash` is out of date.
        var rightStale: Bool
    }

    /// A leaf; its hash lives in its parent branch (or is the root).
    struct Leaf {
        var path: Bytes32
        var valueHash: Bytes32
    }

    /// The reference held by `rootNode` when the tree is empty.
    static let noNode = Int32.min

    var branches: [Branch] = []
    var leaves: [Leaf] = []
    var freeBranches: [Int32] = []
    var freeLeaves: [Int32] = []
    var rootNode = StateTree.noNode

    /// The number of leaves.
    public private(set) var count = 0
    /// The root as of the last `commit()` (`Bytes32.zero` for an empty tree).
    public private(set) var root = Bytes32.zero
    /// Whether updates or removals happened since the last `commit()`; while they have,
    /// `root` is stale and `proof(for:)` refuses.
    public private(set) var hasUncommittedChanges = false
    /// Leaves updated, added or removed since the last `commit()` (a leaf changed twice
    /// counts twice).
    public private(set) var uncommittedChangeCount = 0
    /// The node hashes (leaves and branches) the last `commit()` computed: the cost of a
    /// block, which grows with what changed, not with the size of the state.
    public private(set) var lastCommitHashCount = 0

    /// The number of uncommitted changes from which `commit()` hashes the top subtrees in
    /// parallel. `Int.max` keeps every commit on the calling thread.
    public var parallelCommitMinimum = 256

    /// An empty tree (root `Bytes32.zero`).
    public init() {}

    /// Builds the tree of `sortedLeaves` in O(n) and commits it; the leaves must be in
    /// strictly ascending path order (`Bytes32` orders like its bytes). Use this at startup;
    /// it gives the same tree as updating an empty tree with the same leaves.
    public init<Leaves: Sequence>(sortedLeaves: Leaves) throws(StateTreeError) where Leaves.Element == StateLeaf {
        let expected = sortedLeaves.underestimatedCount
        leaves.reserveCapacity(expected)
        branches.reserveCapacity(max(expected - 1, 0))
        // The right spine of the tree built so far, root first. Sorted keys make the trie a
        // Cartesian tree on the crit bits of neighbours, so each key is one push and at most
        // as many pops as branches ever pushed: O(n) overall.
        var spine: [Int32] = []
        for leaf in sortedLeaves {
            let index = leaves.count
            if let previous = leaves.last?.path {
                guard previous < leaf.path, let critBit = previous.firstDifferingBit(leaf.path) else {
                    throw .leavesNotStrictlyAscending(index: index)
                }
                var child = ~Int32(index - 1)
                while let top = spine.last, Int(branches[Int(top)].bitIndex) > critBit {
                    child = top
                    spine.removeLast()
                }
                let branch = Int32(branches.count)
                branches.append(Branch(
                    leftHash: .zero, rightHash: .zero, left: child, right: ~Int32(index),
                    bitIndex: UInt8(critBit), leftStale: true, rightStale: true))
                if let parent = spine.last { branches[Int(parent)].right = branch }
                spine.append(branch)
            }
            leaves.append(Leaf(path: leaf.path, valueHash: leaf.valueHash))
        }
        count = leaves.count
        guard count > 0 else { return }
        rootNode = spine.first ?? ~0
        hasUncommittedChanges = true
        uncommittedChangeCount = count
        commit()
    }

    /// The value hash stored at `path`, or `nil` when no leaf has that path.
    public func valueHash(at path: Bytes32) -> Bytes32? {
        guard rootNode != Self.noNode else { return nil }
        let leaf = leaves[leafReached(by: path)]
        return leaf.path == path ? leaf.valueHash : nil
    }

    /// Sets the value hash at `path`, adding the leaf if it is new. Marks the walked path
    /// stale; the hashes are recomputed by the next `commit()`. Setting the value a leaf
    /// already holds changes nothing.
    public mutating func update(path: Bytes32, valueHash: Bytes32) {
        guard rootNode != Self.noNode else {
            rootNode = newLeaf(path: path, valueHash: valueHash)
            count = 1
            noteChange()
            return
        }
        let closest = leafReached(by: path)
        guard let critBit = leaves[closest].path.firstDifferingBit(path) else {
            guard leaves[closest].valueHash != valueHash else { return }
            leaves[closest].valueHash = valueHash
            markStale(along: path, above: Self.noNode)
            noteChange()
            return
        }
        // A new branch at `critBit` goes where the walk first meets a node splitting at a
        // later bit (or a leaf). The branches above it get a stale child; the node it
        // displaces keeps its hash, which moves from the parent's slot to the new branch.
        var displacedHash = root
        var displacedStale = hasUncommittedChanges
        var parent = Self.noNode
        var parentGoesRight = false
        var node = rootNode
        while node >= 0 {
            let branch = branches[Int(node)]
            if Int(branch.bitIndex) > critBit { break }
            parent = node
            parentGoesRight = path.pathBit(Int(branch.bitIndex)) == 1
            if parentGoesRight {
                (displacedHash, displacedStale) = (branch.rightHash, branch.rightStale)
                branches[Int(node)].rightStale = true
                node = branch.right
            } else {
                (displacedHash, displacedStale) = (branch.leftHash, branch.leftStale)
                branches[Int(node)].leftStale = true
                node = branch.left
            }
        }
        let added = newLeaf(path: path, valueHash: valueHash)
        let branch = path.pathBit(critBit) == 1
            ? Branch(leftHash: displacedHash, rightHash: .zero, left: node, right: added,
                     bitIndex: UInt8(critBit), leftStale: displacedStale, rightStale: true)
            : Branch(leftHash: .zero, rightHash: displacedHash, left: added, right: node,
                     bitIndex: UInt8(critBit), leftStale: true, rightStale: displacedStale)
        replaceChild(of: parent, goingRight: parentGoesRight, with: newBranch(branch))
        count += 1
        noteChange()
    }

    /// Sets the value hashes of `leaves`, in order: the same result as calling
    /// `update(path:valueHash:)` for each, faster for a block's worth of changes. The paths
    /// are walked in groups, all walks of a group one level per round, so that their memory
    /// loads overlap instead of each waiting for the one before; the updates that follow
    /// then find their nodes in cache.
    public mutating func update<Leaves: Collection>(contentsOf leaves: Leaves) where Leaves.Element == StateLeaf {
        var start = leaves.startIndex
        while start != leaves.endIndex {
            let end = leaves.index(start, offsetBy: Self.walkGroup, limitedBy: leaves.endIndex) ?? leaves.endIndex
            let group = leaves[start..<end]
            warmWalks(of: group)
            for leaf in group { update(path: leaf.path, valueHash: leaf.valueHash) }
            start = end
        }
    }

    /// How many walks `update(contentsOf:)` interleaves: enough to keep the memory system
    /// busy, few enough that their nodes stay in the core's caches.
    static let walkGroup = 16

    /// Removes the leaf at `path`; returns whether there was one. Its sibling takes its
    /// parent's place, keeping its hash, and the branches above get a stale child.
    @discardableResult
    public mutating func remove(path: Bytes32) -> Bool {
        guard rootNode != Self.noNode else { return false }
        var grandparent = Self.noNode
        var grandparentGoesRight = false
        var parent = Self.noNode
        var parentGoesRight = false
        var node = rootNode
        while node >= 0 {
            let branch = branches[Int(node)]
            grandparent = parent
            grandparentGoesRight = parentGoesRight
            parent = node
            parentGoesRight = path.pathBit(Int(branch.bitIndex)) == 1
            node = parentGoesRight ? branch.right : branch.left
        }
        let leaf = ~node
        guard leaves[Int(leaf)].path == path else { return false }
        freeLeaves.append(leaf)
        count -= 1
        noteChange()
        guard parent != Self.noNode else {
            rootNode = Self.noNode
            return true
        }
        let removed = branches[Int(parent)]
        freeBranches.append(parent)
        let (sibling, siblingHash, siblingStale) = parentGoesRight
            ? (removed.left, removed.leftHash, removed.leftStale)
            : (removed.right, removed.rightHash, removed.rightStale)
        guard grandparent != Self.noNode else {
            // The sibling becomes the root; the commit rehashes the root in any case.
            rootNode = sibling
            return true
        }
        if grandparentGoesRight {
            branches[Int(grandparent)].right = sibling
            branches[Int(grandparent)].rightHash = siblingHash
            branches[Int(grandparent)].rightStale = siblingStale
        } else {
            branches[Int(grandparent)].left = sibling
            branches[Int(grandparent)].leftHash = siblingHash
            branches[Int(grandparent)].leftStale = siblingStale
        }
        markStale(along: path, above: grandparent)
        return true
    }

    /// Hashes every stale node, bottom-up, and returns the new root. Nodes whose subtree did
    /// not change are not rehashed.
    @discardableResult
    public mutating func commit() -> Bytes32 {
        guard hasUncommittedChanges else {
            lastCommitHashCount = 0
            return root
        }
        if rootNode == Self.noNode {
            root = .zero
            lastCommitHashCount = 0
        } else if rootNode < 0 {
            let leaf = leaves[Int(~rootNode)]
            root = StateNodeHash.leaf(path: leaf.path, valueHash: leaf.valueHash)
            lastCommitHashCount = 1
        } else {
            let top = rootNode
            let parallel = uncommittedChangeCount >= parallelCommitMinimum
            (root, lastCommitHashCount) = withHasher { hasher in
                let subtreeHashes = parallel ? hasher.hashTopSubtreesInParallel(below: top) : 0
                let (hash, hashes) = hasher.hash(of: top)
                return (hash, hashes + subtreeHashes)
            }
        }
        hasUncommittedChanges = false
        uncommittedChangeCount = 0
        return root
    }

    /// A proof of what the committed tree holds at `path`: an inclusion proof when a leaf has
    /// that path, otherwise an exclusion proof ending at the leaf where the path's walk ends.
    /// Check it with `StateProof.verify(root:path:valueHash:)` or `verifyAbsence(root:path:)`.
    public func proof(for path: Bytes32) throws(StateTreeError) -> StateProof {
        guard !hasUncommittedChanges else { throw .uncommittedChanges }
        guard rootNode != Self.noNode else { return StateProof(leaf: nil, steps: []) }
        var steps: [StateProof.Step] = []
        // About log2(count) steps; 48 covers any tree of uniformly spread paths that fits in memory.
        steps.reserveCapacity(48)
        var node = rootNode
        while node >= 0 {
            let branch = branches[Int(node)]
            let goesRight = path.pathBit(Int(branch.bitIndex)) == 1
            steps.append(StateProof.Step(bitIndex: branch.bitIndex, sibling: goesRight ? branch.leftHash : branch.rightHash))
            node = goesRight ? branch.right : branch.left
        }
        let leaf = leaves[Int(~node)]
        return StateProof(leaf: StateLeaf(path: leaf.path, valueHash: leaf.valueHash), steps: steps)
    }

    // MARK: - Walks and node storage

    /// The index of the leaf where the walk along `path`'s bits ends (tree not empty).
    private func leafReached(by path: Bytes32) -> Int {
        var node = rootNode
        while node >= 0 {
            let branch = branches[Int(node)]
            node = path.pathBit(Int(branch.bitIndex)) == 0 ? branch.left : branch.right
        }
        return Int(~node)
    }

    /// Walks the paths of `group` (at most `walkGroup`) to their leaves in lockstep and
    /// returns the sum of the leaves' first path bits, which only keeps the loads from being
    /// elided.
    @discardableResult
    private func warmWalks<Group: Collection>(of group: Group) -> Int where Group.Element == StateLeaf {
        guard rootNode != Self.noNode else { return 0 }
        return withUnsafeTemporaryAllocation(of: (path: Bytes32, node: Int32).self, capacity: Self.walkGroup) { walks in
            var active = 0
            for leaf in group {
                walks[active] = (leaf.path, rootNode)
                active += 1
            }
            var reached = 0
            var remaining = active
            while remaining > 0 {
                for i in 0..<active where walks[i].node >= 0 {
                    let branch = branches[Int(walks[i].node)]
                    let next = walks[i].path.pathBit(Int(branch.bitIndex)) == 0 ? branch.left : branch.right
                    walks[i].node = next
                    if next < 0 {
                        reached &+= leaves[Int(~next)].path.pathBit(0)
                        remaining -= 1
                    }
                }
            }
            return reached
        }
    }

    /// Marks stale the child taken at each branch along `path`, from the root down to the
    /// leaf, or, when `stop` is on the walk, down to the branch above `stop` (so `stop`'s own
    /// children keep their flags).
    private mutating func markStale(along path: Bytes32, above stop: Int32) {
        var node = rootNode
        while node >= 0 && node != stop {
            let branch = branches[Int(node)]
            if path.pathBit(Int(branch.bitIndex)) == 0 {
                branches[Int(node)].leftStale = true
                node = branch.left
            } else {
                branches[Int(node)].rightStale = true
                node = branch.right
            }
        }
    }

    private mutating func noteChange() {
        hasUncommittedChanges = true
        uncommittedChangeCount += 1
    }

    /// Points `parent`'s child on the given side (or the root, when `parent` is `noNode`) at
    /// `node`; the caller has marked that side stale.
    private mutating func replaceChild(of parent: Int32, goingRight: Bool, with node: Int32) {
        if parent == Self.noNode {
            rootNode = node
        } else if goingRight {
            branches[Int(parent)].right = node
        } else {
            branches[Int(parent)].left = node
        }
    }

    private mutating func newLeaf(path: Bytes32, valueHash: Bytes32) -> Int32 {
        let leaf = Leaf(path: path, valueHash: valueHash)
        if let slot = freeLeaves.popLast() {
            leaves[Int(slot)] = leaf
            return ~slot
        }
        leaves.append(leaf)
        return ~Int32(leaves.count - 1)
    }

    private mutating func newBranch(_ branch: Branch) -> Int32 {
        if let slot = freeBranches.popLast() {
            branches[Int(slot)] = branch
            return slot
        }
        branches.append(branch)
        return Int32(branches.count - 1)
    }

    /// Runs `body` with raw access to the node arrays, for hashing without per-access checks.
    private mutating func withHasher<Result>(_ body: (StateTreeHasher) -> Result) -> Result {
        branches.withUnsafeMutableBufferPointer { branches in
            leaves.withUnsafeBufferPointer { leaves in
                body(StateTreeHasher(branches: branches, leaves: leaves))
            }
        }
    }
}
