import ArgumentParser
import Foundation
import Logging
import Node

/// `equity-bench chain`: the sequencer's durable throughput and its restart time.
///
/// - `transfers_per_s`: raw signed ERC-20 transfers decoded, sender-recovered (on both
///   cores, overlapping execution), executed, sealed into blocks and committed to
///   RocksDB (one synced batch per block), from the first decode to the last commit.
/// - `admit_us_per_tx`, `seal_ms_per_block`: where the serial part of that time went.
/// - `cpu_us_per_tx`: CPU time of the whole process (every thread: recovery, the chain,
///   RocksDB's background work) over the same span, per transfer. On a shared machine
///   it moves far less than the wall-clock figures; 2 idle cores could run at most
///   2,000,000 / `cpu_us_per_tx` transfers a second.
/// - `restart_to_head_ms`: a child sequencer fills its WAL with committed blocks and is
///   SIGKILLed; the time to open the chain again (WAL replay, state load, state-tree
///   rebuild and the startup root check) until the head is known.
struct ChainBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Durable transfers per second through the chain, and restart-to-head after SIGKILL.")

    @Flag(help: "Print one JSON object of named figures instead of a table.")
    var json = false

    @Option(help: "Funded, verified accounts in the benchmark genesis.")
    var accounts = 2_000

    @Option(help: "Signed transfers to push through the chain.")
    var transfers = 120_000

    @Option(help: "Transfers per block (a 250 ms block at 25,000/s holds 6,250).")
    var blockSize = 6_250

    @Option(help: "Transfers whose senders are recovered together and handed to the chain in one call.")
    var recoveryBatch = 500

    func validate() throws {
        guard accounts >= 2, transfers >= 1, blockSize >= 1, recoveryBatch >= 1 else { throw ValidationError("all counts must be positive (accounts ≥ 2)") }
    }

    func run() async throws {
        var report = BenchReport(scenario: "chain")
        let workload = try ChainWorkload(accounts: accounts)
        let logger = Logger(label: "equity-bench.chain", factory: { _ in SwiftLogNoOpLogHandler() })

        let raws = workload.signedTransfers(0..<transfers)
        let run = try await CrashChild.withScratchDirectory("chain") { path in
            try await Self.pushThrough(raws, workload: workload, blockSize: blockSize, recoveryBatch: recoveryBatch, path: path, logger: logger)
        }
        report.record("transfers_per_s", Double(transfers) / run.seconds)
        report.record("blocks", run.blocks)
        report.record("transfers_per_block", blockSize)
        report.record("recovery_batch", recoveryBatch)
        report.record("admit_us_per_tx", run.admitSeconds * 1e6 / Double(transfers))
        report.record("seal_ms_per_block", run.sealSeconds * 1e3 / Double(run.blocks))
        report.record("cpu_us_per_tx", run.cpuSeconds * 1e6 / Double(transfers))

        var restarts: [Double] = []
        var wal = 0
        for _ in 0..<3 {
            try await CrashChild.withScratchDirectory("chain-restart") { path in
                let output = try CrashChild.runUntilDoneThenKill(["chain-writer", "--datadir", path, "--accounts", "\(accounts)"])
                let acknowledged = output.split(separator: "\n").compactMap { UInt64($0) }.last ?? 0
                wal = try CrashChild.walBytes(in: path)
                let start = Stopwatch.now()
                let chain = try Chain(genesis: workload.genesis, path: path, logger: logger)
                let head = await chain.head.number
                restarts.append(Double(Stopwatch.now() - start) / 1e6)
                await chain.close()
                guard head >= acknowledged else {
                    throw ValidationError("restart lost committed blocks: head \(head), acknowledged \(acknowledged)")
                }
            }
        }
        report.record("restart_to_head_ms", restarts.sorted()[restarts.count / 2])
        report.record("restart_wal_mib", Double(wal) / Double(1 << 20))
        report.print(json: json)
    }

    /// Recovers senders batch by batch on a background thread (each batch on every core)
    /// while the chain executes and commits what was recovered before: both cores busy,
    /// as in a running sequencer whose RPC layer recovers the transactions it receives in
    /// small batches and hands each batch to the chain in one call.
    static func pushThrough(
        _ raws: [[UInt8]], workload: ChainWorkload, blockSize: Int, recoveryBatch: Int, path: String, logger: Logger
    ) async throws -> (seconds: Double, blocks: Int, admitSeconds: Double, sealSeconds: Double, cpuSeconds: Double) {
        let chain = try Chain(genesis: workload.genesis, path: path, logger: logger)
        let signer = chain.signer
        let (stream, continuation) = AsyncThrowingStream<(batch: [VerifiedTransaction], endsBlock: Bool), Error>.makeStream(
            bufferingPolicy: .unbounded)
        let start = Stopwatch.now(), cpuStart = processCPUNanoseconds()
        // Blocks of `blockSize`, each cut into recovery batches of at most `recoveryBatch`.
        let batches = stride(from: 0, to: raws.count, by: blockSize).flatMap { block in
            let end = min(block + blockSize, raws.count)
            return stride(from: block, to: end, by: recoveryBatch).map { lower in
                let upper = min(lower + recoveryBatch, end)
                return (range: lower..<upper, endsBlock: upper == end)
            }
        }
        Thread.detachNewThread {
            do {
                for (range, endsBlock) in batches {
                    continuation.yield((try workload.verify(Array(raws[range]), signer: signer), endsBlock))
                }
                continuation.finish()
            } catch { continuation.finish(throwing: error) }
        }
        var blocks = 0
        var now = workload.genesis.timestamp + 1
        // Wall time spent in admission (execution) and in sealing (root, encoding, commit),
        // while recovery of the next batches runs on the other threads.
        var admitting: UInt64 = 0, sealing: UInt64 = 0
        for try await (verified, endsBlock) in stream {
            let a = Stopwatch.now()
            for result in await chain.submitAll(verified, now: now) { _ = try result.get() }
            let b = Stopwatch.now()
            admitting += b - a
            guard endsBlock else { continue }
            guard try await chain.seal(now: now) != nil else { throw ValidationError("a block of transfers sealed empty") }
            sealing += Stopwatch.now() - b
            blocks += 1
            now += 1
        }
        let seconds = Double(Stopwatch.now() - start) / 1e9
        let cpuSeconds = Double(processCPUNanoseconds() - cpuStart) / 1e9
        await chain.close()
        return (seconds, blocks, Double(admitting) / 1e9, Double(sealing) / 1e9, cpuSeconds)
    }

    /// CPU time used so far by every thread of this process, in nanoseconds.
    static func processCPUNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
