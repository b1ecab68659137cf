import ArgumentParser
import Node

/// `equity-bench primitives`: the foundation's hot paths — hashing, signature
/// recovery, transaction decoding and durable RocksDB commits.
struct PrimitivesBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "primitives",
        abstract: "Keccak-256, ecrecover, transaction RLP decoding and RocksDB synced batches.")

    @Flag(help: "Print one JSON object of named figures instead of a table.")
    var json = false

    func run() throws {
        var report = BenchReport(scenario: "primitives")
        report.record("keccak256_32B_per_s", Self.keccakPerSecond())
        try TransactionPrimitives.measure(into: &report)
        try RocksDBPrimitives.measure(into: &report)
        report.print(json: json)
    }

    /// 32-byte inputs, each the previous digest, so no hash can be skipped or hoisted.
    static func keccakPerSecond() -> Double {
        let iterations = 3_000_000
        var digest = Bytes32.zero
        let seconds = Stopwatch.seconds {
            for _ in 0..<iterations {
                digest = withUnsafeBytes(of: digest) { Keccak256.hash($0) }
            }
        }
        precondition(digest != .zero)
        return Double(iterations) / seconds
    }
}
