import ArgumentParser
import Foundation
import Node

/// One timed run of pre-signed transactions through a real `equity-node` process's
/// `eth_sendRawTransaction`, shared by `rpc` and `onchain-orders`: the node is started
/// on `genesisJSON` in a scratch directory; transaction `k` is sent by account
/// `k % accounts` (nonce `k / accounts`) over the connection `(k % accounts) %
/// connections`, in batches; the clock runs from the first request until the last
/// transaction of each connection has a receipt with status 1 and every sender's
/// committed nonce counts all its transactions.
struct SignedLoadRun {
    /// What the run measured; `client` is still connected to the node.
    struct Outcome {
        var admittedSeconds: Double
        var committedSeconds: Double
        var cpuSeconds: Double?
        var loadAverage: Double
        var blocks: Int
        var client: HTTPConnection

        /// Transactions per second until committed, and until admitted.
        func rates(_ count: Int) -> (committed: Double, admitted: Double) {
            (Double(count) / committedSeconds, Double(count) / admittedSeconds)
        }

        /// The figures every signed-load scenario reports, for `count` transactions of
        /// `unit` ("transfer", "order"): rates, the load's shape, signing time, and how
        /// much CPU the node got (the machine may be shared) and spent per transaction.
        /// `extra` adds the scenario's own figures after the count.
        func report(
            _ scenario: String, unit: String, count: Int, load: SignedLoadOptions, signSeconds: Double,
            extra: (inout BenchReport) -> Void = { _ in }
        ) -> BenchReport {
            let (committed, admitted) = rates(count)
            var report = BenchReport(scenario: scenario)
            report.record("\(unit)s_per_s", committed)
            report.record("admitted_per_s", admitted)
            report.record("commit_wait_ms", (committedSeconds - admittedSeconds) * 1e3)
            report.record("\(unit)s", count)
            extra(&report)
            report.record("batch_size", load.batchSize)
            report.record("connections", load.connections)
            report.record("accounts", load.accounts)
            report.record("blocks", blocks)
            report.record("sign_s", signSeconds)
            if let cpuSeconds {
                report.record("node_cores_used", cpuSeconds / committedSeconds)
                report.record("node_cpu_us_per_\(unit)", cpuSeconds * 1e6 / Double(count))
            }
            report.record("load_average_1m_at_start", loadAverage)
            return report
        }
    }

    let raws: [[UInt8]]
    let senders: [Address]
    let connections: Int
    let batchSize: Int

    /// Runs the load against a fresh node and hands the outcome to `report`.
    func run(genesisJSON: String, blockTimeMs: Int?, label: String, _ report: (Outcome) throws -> BenchReport) throws -> BenchReport {
        let accounts = senders.count, count = raws.count
        let bodies: [[[UInt8]]] = (0..<connections).map { c in
            let mine = stride(from: 0, to: count, by: 1).lazy.filter { ($0 % accounts) % connections == c }.map { raws[$0] }
            return RPCBenchmark.batches(Array(mine), size: batchSize)
        }
        let lastPerConnection = (0..<connections).compactMap { c in
            (0..<count).last { ($0 % accounts) % connections == c }.map { Keccak256.hash(raws[$0]).hex }
        }
        let finalNonces = (0..<min(accounts, count)).map { a in
            (address: senders[a], nonce: UInt64((count - a + accounts - 1) / accounts))
        }
        return try CrashChild.withScratchDirectory(label) { directory -> BenchReport in
            let node = try NodeServerProcess(genesisJSON: genesisJSON, directory: directory, blockTimeMs: blockTimeMs)
            defer { node.stop() }
            let clients = try (0..<connections).map { _ in try HTTPConnection(port: node.port) }

            var load = [Double](repeating: 0, count: 3)
            _ = getloadavg(&load, 3)
            let cpuBefore = node.cpuSeconds
            let start = Stopwatch.now()
            let failures = RPCBenchmark.sendAll(bodies, over: clients)
            let admitted = Stopwatch.now()
            if let failure = failures.first { throw ValidationError("a batch was not admitted: \(failure)") }
            try RPCBenchmark.waitForReceipts(lastPerConnection, client: clients[0])
            try RPCBenchmark.waitForNonces(finalNonces, client: clients[0])
            let committed = Stopwatch.now()
            let cpuUsed = cpuBefore.flatMap { before in node.cpuSeconds.map { $0 - before } }
            let head = try RPCBenchmark.call(clients[0], #"{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}"#)
            return try report(Outcome(
                admittedSeconds: Double(admitted - start) / 1e9, committedSeconds: Double(committed - start) / 1e9,
                cpuSeconds: cpuUsed, loadAverage: load[0], blocks: Int(head.dropFirst(2), radix: 16) ?? 0, client: clients[0]))
        }
    }
}
