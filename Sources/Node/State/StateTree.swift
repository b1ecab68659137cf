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
/// uniformly spread paths) and only mark it dirty; `commit()` then hashes each dirty node
/// once, bottom-up, so a block costs one Keccak per node on the union of the changed paths.
/// Nodes live in contiguous arrays indexed by `Int32` with free lists: no object per node and
/// no reference counting on the hot path. A large commit hashes disjoint subtrees on several
/// threads (see `parallelCommitMinimum`); the result is identical to a sequential commit.
///
/// Thread safety. `StateTree` is a value type and `Sendable`: a copy can be read (`root`,
/// `valueHash(at:)`, `proof(for:)`) from any thread while the original is mutated elsewhere.
/// Mutations need exclusive access like any `var`. Copies share storage until one of them is
/// mutated, which then copies all nodes (O(count)): keep one owner that mutates in place.
/// `commit()` returns only when every hash is written; for a large commit it blocks the
/// calling thread while Dispatch worker threads hash the subtrees.
///
/// Capacity. Node indices are `Int32`, so a tree holds at most about 2^31 leaves; memory
/// (about 150 bytes a leaf: a 104-byte leaf and a 48-byte branch) runs out well before that.
public struct StateTree: Sendable {
    /// A branch: its hash next to its links, so that a commit finds a node's hash, links and
    /// dirty flag, and its children's hashes, in one cache line each.
    struct Branch {
        var hash: Bytes32
        /// Node references: `>= 0` is a branch index, `< 0` is `~leafIndex`.
        var left: Int32
        var right: Int32
        var bitIndex: UInt8
        /// `hash` is stale: something below changed since the last commit.
        var dirty: Bool
    }

    /// A leaf and its hash.
    struct Leaf {
        var path: Bytes32
        var valueHash: Bytes32
        var hash: Bytes32
        /// `hash` is stale: `valueHash` changed since the last commit, or the leaf is new.
        var dirty: Bool
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
    /// The branches the next `commit()` will rehash: those on the paths changed since the
    /// last commit. It decides whether a commit is worth spreading over threads.
    public private(set) var dirtyBranchCount = 0

    /// The number of dirty branches from which `commit()` hashes the top subtrees in
    /// parallel. `Int.max` keeps every commit on the calling thread.
    public var parallelCommitMinimum = 4_096

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
                    hash: .zero, left: child, right: ~Int32(index), bitIndex: UInt8(critBit), dirty: true))
                if let parent = spine.last { branches[Int(parent)].right = branch }
                spine.append(branch)
            }
            leaves.append(Leaf(path: leaf.path, valueHash: leaf.valueHash, hash: .zero, dirty: true))
        }
        count = leaves.count
        guard count > 0 else { return }
        rootNode = spine.first ?? ~0
        dirtyBranchCount = branches.count
        hasUncommittedChanges = true
        commit()
    }

    /// The value hash stored at `path`, or `nil` when no leaf has that path.
    public func valueHash(at path: Bytes32) -> Bytes32? {
        guard rootNode != Self.noNode else { return nil }
        let leaf = leaves[leafReached(by: path)]
        return leaf.path == path ? leaf.valueHash : nil
    }

    /// Sets the value hash at `path`, adding the leaf if it is new. Marks the walked path
    /// dirty; the hashes are recomputed by the next `commit()`. Setting the value a leaf
    /// already holds changes nothing.
    public mutating func update(path: Bytes32, valueHash: Bytes32) {
        guard rootNode != Self.noNode else {
            rootNode = newLeaf(path: path, valueHash: valueHash)
            count = 1
            hasUncommittedChanges = true
            return
        }
        let closest = leafReached(by: path)
        guard let critBit = leaves[closest].path.firstDifferingBit(path) else {
            guard leaves[closest].valueHash != valueHash else { return }
            leaves[closest].valueHash = valueHash
            leaves[closest].dirty = true
            markDirty(along: path, through: Self.noNode)
            hasUncommittedChanges = true
            return
        }
        // A new branch at `critBit` goes where the walk first meets a node splitting at a
        // later bit (or a leaf); the branches above it are the ones whose hashes change.
        var parent = Self.noNode
        var parentGoesRight = false
        var node = rootNode
        while node >= 0 {
            let branch = branches[Int(node)]
            if Int(branch.bitIndex) > critBit { break }
            markDirty(branch: node)
            parent = node
            parentGoesRight = path.pathBit(Int(branch.bitIndex)) == 1
            node = parentGoesRight ? branch.right : branch.left
        }
        let added = newLeaf(path: path, valueHash: valueHash)
        let newGoesRight = path.pathBit(critBit) == 1
        let branch = newBranch(
            bitIndex: UInt8(critBit), left: newGoesRight ? node : added, right: newGoesRight ? added : node)
        replaceChild(of: parent, goingRight: parentGoesRight, with: branch)
        count += 1
        hasUncommittedChanges = true
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

    /// Walks the paths of `group` (at most `walkGroup`) to their leaves in lockstep and
    /// returns the sum of the leaves' indices, which only keeps the loads from being elided.
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
                        reached &+= Int(leaves[Int(~next)].path.w0 & 1)
                        remaining -= 1
                    }
                }
            }
            return reached
        }
    }

    /// Removes the leaf at `path`; returns whether there was one. Its sibling takes its
    /// parent's place, and the branches above are marked dirty.
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
        hasUncommittedChanges = true
        guard parent != Self.noNode else {
            rootNode = Self.noNode
            return true
        }
        let sibling = parentGoesRight ? branches[Int(parent)].left : branches[Int(parent)].right
        if branches[Int(parent)].dirty { dirtyBranchCount -= 1 }
        freeBranches.append(parent)
        replaceChild(of: grandparent, goingRight: grandparentGoesRight, with: sibling)
        if grandparent != Self.noNode {
            markDirty(along: path, through: grandparent)
        }
        return true
    }

    /// Hashes every dirty node, bottom-up, and returns the new root. Nodes whose subtree did
    /// not change are not rehashed.
    @discardableResult
    public mutating func commit() -> Bytes32 {
        guard hasUncommittedChanges else { return root }
        if rootNode == Self.noNode {
            root = .zero
        } else {
            let top = rootNode
            let parallel = dirtyBranchCount >= parallelCommitMinimum
            root = withHasher { hasher in
                if parallel { hasher.hashTopSubtreesInParallel(below: top) }
                return hasher.hash(of: top)
            }
        }
        hasUncommittedChanges = false
        dirtyBranchCount = 0
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
            let sibling = goesRight ? branch.left : branch.right
            steps.append(StateProof.Step(
                bitIndex: branch.bitIndex,
                sibling: sibling >= 0 ? branches[Int(sibling)].hash : leaves[Int(~sibling)].hash))
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

    /// Marks the branches along `path` dirty, from the root down to `last` (included), or to
    /// the leaf when `last` is not on the walk.
    private mutating func markDirty(along path: Bytes32, through last: Int32) {
        var node = rootNode
        while node >= 0 {
            markDirty(branch: node)
            if node == last { return }
            let branch = branches[Int(node)]
            node = path.pathBit(Int(branch.bitIndex)) == 0 ? branch.left : branch.right
        }
    }

    @inline(__always)
    private mutating func markDirty(branch: Int32) {
        if !branches[Int(branch)].dirty {
            branches[Int(branch)].dirty = true
            dirtyBranchCount += 1
        }
    }

    /// Points `parent`'s child on the given side (or the root, when `parent` is `noNode`) at `node`.
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
        let leaf = Leaf(path: path, valueHash: valueHash, hash: .zero, dirty: true)
        if let slot = freeLeaves.popLast() {
            leaves[Int(slot)] = leaf
            return ~slot
        }
        leaves.append(leaf)
        return ~Int32(leaves.count - 1)
    }

    private mutating func newBranch(bitIndex: UInt8, left: Int32, right: Int32) -> Int32 {
        let branch = Branch(hash: .zero, left: left, right: right, bitIndex: bitIndex, dirty: true)
        dirtyBranchCount += 1
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
            leaves.withUnsafeMutableBufferPointer { leaves in
                body(StateTreeHasher(branches: branches, leaves: leaves))
            }
        }
    }
}
