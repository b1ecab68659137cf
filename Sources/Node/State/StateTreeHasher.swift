import Dispatch

/// Recomputes the stale hashes of a `StateTree`, bottom-up, through raw pointers to its node
/// arrays (valid only inside `StateTree.withHasher`).
///
/// A branch holds its children's hashes and stale flags, so the walk descends only into
/// stale children and reads nothing else: an unchanged sibling's hash is already in its
/// parent.
///
/// `@unchecked Sendable` because the parallel pass hands it to worker threads: each worker
/// hashes a different subtree and writes only the branches inside it, and the calling
/// thread stores the subtrees' hashes in their parents after all workers are done.
struct StateTreeHasher: @unchecked Sendable {
    let branches: UnsafeMutableBufferPointer<StateTree.Branch>
    let leaves: UnsafeBufferPointer<StateTree.Leaf>

    /// How many levels below the root the parallel pass splits: up to 8 subtrees, enough to
    /// balance uneven halves over a few cores.
    static let parallelSplitDepth = 3

    /// Rehashes the stale nodes under the branch `top` and returns `top`'s hash and the
    /// number of hashes computed.
    func hash(of top: Int32) -> (hash: Bytes32, hashes: Int) {
        // Entries: a branch index means "push its stale branch children"; its complement
        // means "children done: hash it into its parent's slot". Depth is at most 256.
        var stack: [(node: Int32, parent: Int32)] = [(top, StateTree.noNode)]
        stack.reserveCapacity(64)
        var hashes = 0
        var topHash = Bytes32.zero
        while let (entry, parent) = stack.popLast() {
            if entry >= 0 {
                let branch = branches[Int(entry)]
                stack.append((~entry, parent))
                if branch.leftStale && branch.left >= 0 { stack.append((branch.left, entry)) }
                if branch.rightStale && branch.right >= 0 { stack.append((branch.right, entry)) }
                continue
            }
            let index = Int(~entry)
            refreshLeafChildren(of: index, hashes: &hashes)
            let branch = branches[index]
            let hash = StateNodeHash.branch(bitIndex: branch.bitIndex, left: branch.leftHash, right: branch.rightHash)
            hashes += 1
            if parent == StateTree.noNode {
                topHash = hash
            } else {
                store(hash, in: parent, child: Int32(index))
            }
        }
        return (topHash, hashes)
    }

    /// Hashes the stale subtrees found `parallelSplitDepth` levels below `top` concurrently
    /// and stores their hashes in their parents; the branches above them stay stale for the
    /// `hash(of: top)` that follows. Returns the number of hashes computed.
    func hashTopSubtreesInParallel(below top: Int32) -> Int {
        var level: [(node: Int32, parent: Int32)] = [(top, StateTree.noNode)]
        for _ in 0..<Self.parallelSplitDepth {
            var next: [(node: Int32, parent: Int32)] = []
            for (node, _) in level {
                let branch = branches[Int(node)]
                if branch.leftStale && branch.left >= 0 { next.append((branch.left, node)) }
                if branch.rightStale && branch.right >= 0 { next.append((branch.right, node)) }
            }
            level = next
        }
        guard level.count > 1 else { return 0 }
        let subtrees = level
        let results = UnsafeMutableBufferPointer<(hash: Bytes32, hashes: Int)>.allocate(capacity: subtrees.count)
        defer { results.deallocate() }
        let output = ResultSlots(slots: results)
        DispatchQueue.concurrentPerform(iterations: subtrees.count) { i in
            output.slots[i] = hash(of: subtrees[i].node)
        }
        var hashes = 0
        for (i, subtree) in subtrees.enumerated() {
            store(results[i].hash, in: subtree.parent, child: subtree.node)
            hashes += results[i].hashes
        }
        return hashes
    }

    /// One result slot per parallel subtree; each worker writes only its own slot.
    private struct ResultSlots: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<(hash: Bytes32, hashes: Int)>
    }

    /// Hashes the stale leaf children of the branch at `index` into its slots.
    @inline(__always)
    private func refreshLeafChildren(of index: Int, hashes: inout Int) {
        let branch = branches[index]
        if branch.leftStale && branch.left < 0 {
            let leaf = leaves[Int(~branch.left)]
            branches[index].leftHash = StateNodeHash.leaf(path: leaf.path, valueHash: leaf.valueHash)
            branches[index].leftStale = false
            hashes += 1
        }
        if branch.rightStale && branch.right < 0 {
            let leaf = leaves[Int(~branch.right)]
            branches[index].rightHash = StateNodeHash.leaf(path: leaf.path, valueHash: leaf.valueHash)
            branches[index].rightStale = false
            hashes += 1
        }
    }

    /// Stores `hash`, the new hash of `child`, in `parent`'s slot for it and clears the flag.
    @inline(__always)
    private func store(_ hash: Bytes32, in parent: Int32, child: Int32) {
        if branches[Int(parent)].left == child {
            branches[Int(parent)].leftHash = hash
            branches[Int(parent)].leftStale = false
        } else {
            branches[Int(parent)].rightHash = hash
            branches[Int(parent)].rightStale = false
        }
    }
}
