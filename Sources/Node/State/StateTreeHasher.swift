import Dispatch

/// Recomputes the stale hashes of a `StateTree`, bottom-up, through raw pointers to its node
/// arrays (valid only inside `StateTree.withHasher`).
///
/// `@unchecked Sendable` because the parallel pass hands it to worker threads: each worker
/// hashes a different subtree, and a node's hash and dirty flag are written only by the
/// worker whose subtree holds it, so no two threads touch the same memory. The calling
/// thread waits for all workers before reading their results.
struct StateTreeHasher: @unchecked Sendable {
    let branches: UnsafeMutableBufferPointer<StateTree.Branch>
    let leaves: UnsafeMutableBufferPointer<StateTree.Leaf>

    /// How many levels below the root the parallel pass splits: up to 8 subtrees, enough to
    /// balance uneven halves over a few cores.
    static let parallelSplitDepth = 3

    /// Hashes the dirty nodes under `node` (an iterative post-order walk that descends only
    /// into dirty branches) and returns `node`'s hash.
    func hash(of node: Int32) -> Bytes32 {
        guard node >= 0 else { return leafHash(Int(~node)) }
        guard branches[Int(node)].dirty else { return branches[Int(node)].hash }
        // A branch index means "push the dirty children"; its complement means "children
        // done, hash it". Depth is at most 256, so the stack stays small.
        var stack: [Int32] = [node]
        stack.reserveCapacity(64)
        while let top = stack.popLast() {
            if top >= 0 {
                let branch = branches[Int(top)]
                stack.append(~top)
                if branch.left >= 0 && branches[Int(branch.left)].dirty { stack.append(branch.left) }
                if branch.right >= 0 && branches[Int(branch.right)].dirty { stack.append(branch.right) }
            } else {
                let index = Int(~top)
                let branch = branches[index]
                branches[index].hash = StateNodeHash.branch(
                    bitIndex: branch.bitIndex, left: childHash(branch.left), right: childHash(branch.right))
                branches[index].dirty = false
            }
        }
        return branches[Int(node)].hash
    }

    /// Hashes the dirty subtrees found `parallelSplitDepth` levels below `top` concurrently.
    /// The branches above them stay dirty for the sequential `hash(of: top)` that follows.
    func hashTopSubtreesInParallel(below top: Int32) {
        var level = [top]
        for _ in 0..<Self.parallelSplitDepth {
            var next: [Int32] = []
            for node in level where node >= 0 && branches[Int(node)].dirty {
                next.append(branches[Int(node)].left)
                next.append(branches[Int(node)].right)
            }
            level = next
        }
        let subtrees = level.filter { $0 >= 0 && branches[Int($0)].dirty }
        guard subtrees.count > 1 else { return }
        DispatchQueue.concurrentPerform(iterations: subtrees.count) { i in
            _ = hash(of: subtrees[i])
        }
    }

    @inline(__always)
    private func childHash(_ node: Int32) -> Bytes32 {
        node >= 0 ? branches[Int(node)].hash : leafHash(Int(~node))
    }

    @inline(__always)
    private func leafHash(_ index: Int) -> Bytes32 {
        if leaves[index].dirty {
            leaves[index].hash = StateNodeHash.leaf(path: leaves[index].path, valueHash: leaves[index].valueHash)
            leaves[index].dirty = false
        }
        return leaves[index].hash
    }
}
