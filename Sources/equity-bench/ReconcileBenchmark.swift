import ArgumentParser
import Foundation
import Bridge
import Custody
import Node

/// `equity-bench reconcile`: the bridge's reconciliation of the reserve invariant over
/// 1,000,000 positions (ISINs), built in memory on both sides — the chain's assets
/// (supply, multiplier) and the custody reserve (settled, in flight, being minted,
/// unminted deposits) — with a realistic mix of breaks. Times the join
/// (`Reconciler.positions`) and the per-ISIN check with causes (`Reconciler.reconcile`).
struct ReconcileBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile", abstract: "Reconcile 1,000,000 positions (chain supply vs custody reserve) in memory.")

    @Flag(help: "Print one JSON object of named figures instead of a table.")
    var json = false

    @Option(help: "Positions to reconcile.")
    var positions = 1_000_000

    func validate() throws {
        guard (1...10_000_000).contains(positions) else { throw ValidationError("--positions must be from 1 to 10000000") }
    }

    func run() throws {
        let share: UInt128 = 1_000_000_000_000_000_000
        var assets: [ChainAsset] = []
        var custody = CustodyReserve()
        assets.reserveCapacity(positions)
        custody.settled.reserveCapacity(positions)
        var n = 0
        var serial: UInt64 = 0
        while n < positions {
            serial += 1
            guard let isin = Self.isin(serial) else { continue }
            let held = UInt128(serial % 10_000 + 1) * share
            // One in 100 over-issued by a share, one in 100 with a deposit not yet minted,
            // one in 50 with a redemption in flight (matched), one in 40 split 2-for-1.
            let split = serial % 40 == 0
            let inFlight: UInt128 = serial % 50 == 0 ? share : 0
            var supply = held - inFlight
            if serial % 100 == 1 { supply += share }
            var unminted: UInt128 = 0
            if serial % 100 == 2 { unminted = share; supply -= share }
            let multiplier = split ? 2 * ShareConversion.one : ShareConversion.one
            let address = Address(w0: UInt32(truncatingIfNeeded: serial >> 40), w1: serial, w2: serial &* 0x9E37_79B9_7F4A_7C15)
            assets.append(ChainAsset(address: address, symbol: "S\(serial)", isin: isin, multiplier: multiplier,
                                     totalSupply: split ? supply / 2 : supply))
            custody.settled[isin] = held
            if inFlight > 0 { custody.redemptionsInFlight[isin] = inFlight }
            if unminted > 0 { custody.unmintedDeposits[isin] = [("ST-\(serial)", unminted)] }
            n += 1
        }
        var lines: [ReserveLine] = []
        let cpuStart = Self.threadCPUSeconds()
        let seconds = try Stopwatch.seconds {
            lines = Reconciler.reconcile(try Reconciler.positions(chain: assets, custody: custody, unprocessed: []))
        }
        let cpuSeconds = Self.threadCPUSeconds() - cpuStart
        let breaks = lines.reduce(0) { $0 + ($1.isMatched ? 0 : 1) }
        // Every 100th from serial 1 is over-issued and every 100th from serial 2 is unminted.
        precondition(lines.count == positions && breaks > 0, "reconcile produced \(lines.count) lines, \(breaks) breaks")
        var report = BenchReport(scenario: "reconcile")
        report.record("positions", positions)
        report.record("breaks", breaks)
        report.record("reconcile_seconds", seconds)
        report.record("positions_per_s", Double(positions) / seconds)
        // On a shared machine the wall clock includes time the thread waited for a core.
        report.record("reconcile_cpu_seconds", cpuSeconds)
        report.record("positions_per_cpu_s", Double(positions) / cpuSeconds)
        report.print(json: json)
    }

    /// CPU time this thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The ISIN `US` + 9 digits of `serial` + its check digit (found by trying the ten).
    static func isin(_ serial: UInt64) -> ISIN? {
        let digits = String(serial % 1_000_000_000)
        let body = "US" + String(repeating: "0", count: 9 - digits.count) + digits
        for d in 0...9 {
            if let isin = try? ISIN(body + String(d)) { return isin }
        }
        return nil
    }
}
