import ArgumentParser
import Node

/// `equity-bench statetree`: the state root's costs on a large tree — building it at
/// startup, updating and committing it once a block, and serving proofs.
///
/// Paths are `keccak256(i)` for i = 0..<leaves (so uniformly spread, like real paths) and
/// the leaves updated in a block are picked by hashing a counter: every run is the same.
struct StateTreeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statetree",
        abstract: "State tree: bulk build, per-block update + commit, proof generation and verification.")

    @Flag(help: "Print one JSON object of named figures instead of a table.")
    var json = false

    @Option(help: "Leaves in the tree.")
    var leaves = 1_000_000

    @Option(help: "Leaf updates per block (two per transfer).")
    var blockUpdates = 12_500

    @Option(help: "Blocks to average the update figure over.")
    var blocks = 20

    @Option(help: "Proofs to generate and verify.")
    var proofs = 200_000

    func validate() throws {
        guard leaves >= 2, blockUpdates >= 1, blocks >= 1, proofs >= 1 else {
            throw ValidationError("--leaves must be at least 2, and --block-updates, --blocks and --proofs at least 1")
        }
    }

    func run() throws {
        var report = BenchReport(scenario: "statetree")
        report.record("leaves", leaves)
        report.record("block_updates", blockUpdates)

        let sorted = (0..<leaves).map { i in
            StateLeaf(path: Self.counterHash(UInt64(i), domain: 0), valueHash: Self.counterHash(UInt64(i), domain: 1))
        }.sorted { $0.path < $1.path }

        var tree = StateTree()
        let buildSeconds = try Stopwatch.seconds { tree = try StateTree(sortedLeaves: sorted) }
        report.record("bulk_build_ms", buildSeconds * 1e3)

        var counter: UInt64 = 0
        let parallel = measureBlocks(&tree, paths: sorted, counter: &counter)
        report.record("block_update_ms", parallel.mean * 1e3)
        report.record("block_update_max_ms", parallel.max * 1e3)
        report.record("block_commit_ms", parallel.commit * 1e3)
        report.record("hashes_per_block", parallel.hashes)
        let single = measureBlocks(&tree, paths: sorted, counter: &counter, batched: false)
        report.record("block_update_one_by_one_ms", single.mean * 1e3)
        tree.parallelCommitMinimum = .max
        let sequential = measureBlocks(&tree, paths: sorted, counter: &counter)
        report.record("block_update_sequential_ms", sequential.mean * 1e3)
        report.record("block_commit_sequential_ms", sequential.commit * 1e3)

        let targets = (0..<proofs).map { i in sorted[Self.index(UInt64(i), domain: 4, count: sorted.count)].path }
        var generated: [StateProof] = []
        generated.reserveCapacity(proofs)
        let proofSeconds = try Stopwatch.seconds {
            for path in targets { generated.append(try tree.proof(for: path)) }
        }
        report.record("proof_per_s", Double(proofs) / proofSeconds)
        report.record("proof_bytes_mean", Double(generated.reduce(0) { $0 + $1.encoded.count }) / Double(proofs))

        let root = tree.root
        let expected = targets.map { tree.valueHash(at: $0) ?? .zero }
        var verified = 0
        let verifySeconds = Stopwatch.seconds {
            for i in 0..<proofs where generated[i].verify(root: root, path: targets[i], valueHash: expected[i]) {
                verified += 1
            }
        }
        guard verified == proofs else { throw ValidationError("only \(verified) of \(proofs) proofs verified") }
        report.record("proof_verify_per_s", Double(proofs) / verifySeconds)
        report.print(json: json)
    }

    /// Applies `blocks` blocks of `blockUpdates` updates to existing leaves, each followed by
    /// `commit()`; returns the mean and worst seconds per block, the mean seconds of the
    /// commit alone, and the mean number of node hashes per block.
    private func measureBlocks(_ tree: inout StateTree, paths: [StateLeaf], counter: inout UInt64, batched: Bool = true)
        -> (mean: Double, max: Double, commit: Double, hashes: Double)
    {
        var total = 0.0, worst = 0.0, commitTotal = 0.0, hashes = 0
        for _ in 0..<blocks {
            let updates = (0..<blockUpdates).map { _ in
                counter += 1
                return StateLeaf(
                    path: paths[Self.index(counter, domain: 2, count: paths.count)].path,
                    valueHash: Self.counterHash(counter, domain: 3))
            }
            let start = Stopwatch.now()
            if batched {
                tree.update(contentsOf: updates)
            } else {
                for update in updates { tree.update(path: update.path, valueHash: update.valueHash) }
            }
            let marked = Stopwatch.now()
            tree.commit()
            let end = Stopwatch.now()
            hashes += tree.lastCommitHashCount
            let seconds = Double(end - start) / 1e9
            commitTotal += Double(end - marked) / 1e9
            total += seconds
            worst = max(worst, seconds)
        }
        return (total / Double(blocks), worst, commitTotal / Double(blocks), Double(hashes) / Double(blocks))
    }

    /// `keccak256(domain ‖ counter)`, both 8 bytes big-endian: reproducible uniform values.
    private static func counterHash(_ counter: UInt64, domain: UInt64) -> Bytes32 {
        var input = (domain.bigEndian, counter.bigEndian)
        return withUnsafeBytes(of: &input) { Keccak256.hash($0) }
    }

    private static func index(_ counter: UInt64, domain: UInt64, count: Int) -> Int {
        Int(counterHash(counter, domain: domain).w0 % UInt64(count))
    }
}
