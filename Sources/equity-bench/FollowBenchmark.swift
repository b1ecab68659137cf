import ArgumentParser
import Foundation
import Logging
import Node

/// `equity-bench follow`: how fast a fresh follower verifies a sequencer's chain while
/// catching up.
///
/// A sequencer first builds `blocks` blocks of `block-size` signed ERC-20 transfers
/// (not timed) and their signed feed messages are encoded. Then a fresh follower applies
/// them as catch-up batches of 128 (`Follower.applyBatch`, what `equity_getBlocksRange`
/// answers feed): per block, decode the message and every transaction, check the hash
/// and the sequencer's signature, recover every sender (on every core, overlapping the
/// previous block's import), check the transactions root, re-execute, update the state
/// tree and check the state root, receipts root, gas and bloom, and commit the block in
/// one synced RocksDB batch. The clock runs from the first message to the last commit.
/// `recovery_only_tx_per_s` is, for reference, bare sender recovery of one block's
/// transactions on every core, measured right after on the same machine.
struct FollowBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Blocks and transactions per second a follower verifies and commits while catching up.")

    @Flag(help: "Print one JSON object of named figures instead of a table.")
    var json = false

    @Option(help: "Funded, verified accounts in the benchmark genesis.")
    var accounts = 2_000

    @Option(help: "Blocks in the chain the follower verifies.")
    var blocks = 20

    @Option(help: "Transfers per block (a 250 ms block at 25,000/s holds 6,250).")
    var blockSize = 6_250

    func validate() throws {
        guard accounts >= 2, blocks >= 1, blockSize >= 1 else { throw ValidationError("all counts must be positive (accounts ≥ 2)") }
    }

    func run() async throws {
        var report = BenchReport(scenario: "follow")
        let workload = try ChainWorkload(accounts: accounts)
        let logger = Logger(label: "equity-bench.follow", factory: { _ in SwiftLogNoOpLogHandler() })
        let transactions = blocks * blockSize

        // The sequencer's chain and its signed feed.
        let feedSigner = try BlockFeedSigner(key: workload.keys[0], genesis: workload.genesis)
        let messages = try await CrashChild.withScratchDirectory("follow-sequencer") { path in
            let chain = try Chain(genesis: workload.genesis, path: path, logger: logger)
            var messages: [[UInt8]] = []
            var now = workload.genesis.timestamp + 1
            for b in 0..<blocks {
                let verified = try workload.verify(workload.signedTransfers(b * blockSize..<(b + 1) * blockSize), signer: chain.signer)
                for result in await chain.submitAll(verified, now: now) { _ = try result.get() }
                guard let sealed = try await chain.seal(now: now) else { throw ValidationError("a block of transfers sealed empty") }
                messages.append(feedSigner.message(for: sealed.block).encoded)
                now += 1
            }
            await chain.close()
            return messages
        }

        // A fresh follower verifies and commits them.
        let run = try await CrashChild.withScratchDirectory("follow-follower") { path in
            let chain = try Chain(genesis: workload.genesis, path: path, logger: logger)
            let endpoint = try SequencerEndpoint(url: "http://127.0.0.1:9")
            let follower = Follower(chain: chain, endpoint: endpoint, broadcast: BlockBroadcast(),
                                    status: FollowerStatus(sequencer: endpoint.description, head: 0, metrics: nil), logger: logger)
            let start = Stopwatch.now(), cpuStart = ChainBenchmark.processCPUNanoseconds()
            for lower in stride(from: 0, to: messages.count, by: Int(Follower.defaultBatchSize)) {
                let batch = Array(messages[lower..<min(lower + Int(Follower.defaultBatchSize), messages.count)])
                if let halt = try await follower.applyBatch(batch) { throw ValidationError("the follower halted: \(halt)") }
            }
            let seconds = Double(Stopwatch.now() - start) / 1e9
            let cpu = Double(ChainBenchmark.processCPUNanoseconds() - cpuStart) / 1e9
            let head = await chain.head.number
            await chain.close()
            guard head == UInt64(blocks) else { throw ValidationError("the follower stopped at block \(head) of \(blocks)") }
            return (seconds, cpu)
        }
        // The same machine's bare sender-recovery rate right after, on every core: the
        // ceiling the follower approaches (recovery is most of its work).
        let sample = try BlockFeedMessage(encoded: messages[0]).block.transactions
        let signer = TransactionSigner(chainId: workload.genesis.chainId)
        let recoveryStart = Stopwatch.now()
        for _ in 0..<3 { for result in signer.verifyAll(sample) { _ = try result.get() } }
        let recoverySeconds = Double(Stopwatch.now() - recoveryStart) / 1e9

        report.record("verified_blocks_per_s", Double(blocks) / run.0)
        report.record("verified_tx_per_s", Double(transactions) / run.0)
        report.record("ms_per_block", run.0 * 1e3 / Double(blocks))
        report.record("cpu_us_per_tx", run.1 * 1e6 / Double(transactions))
        report.record("recovery_only_tx_per_s", Double(3 * sample.count) / recoverySeconds)
        report.record("blocks", blocks)
        report.record("transfers_per_block", blockSize)
        report.record("feed_bytes_per_block", messages.reduce(0) { $0 + $1.count } / max(1, messages.count))
        report.print(json: json)
    }
}
