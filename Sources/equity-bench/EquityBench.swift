import ArgumentParser

/// `equity-bench`: the project's benchmarks. Each scenario is a subcommand that prints
/// one JSON object of named figures with `--json`, or a readable table without it.
/// Build and run with `-c release`; figures are recorded in docs/PERFORMANCE.md.
@main
struct EquityBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "equity-bench",
        abstract: "Measure EquityChain's hot paths. Run with `swift run -c release equity-bench SCENARIO`.",
        subcommands: [
            PrimitivesBenchmark.self,
            ChainBenchmark.self,
            ChainCrashWriter.self,
            RPCBenchmark.self,
            MatchingBenchmark.self,
            StateTreeBenchmark.self,
            RocksDBScenario.self,
            RocksDBCrashWriter.self,
            TransactionPrimitives.Command.self,
            ReconcileBenchmark.self,
            DividendBenchmark.self,
        ])
}
