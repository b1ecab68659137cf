import ArgumentParser

/// `equity-bench rocksdb [--json]`: the storage figures alone (see `RocksDBPrimitives`).
struct RocksDBScenario: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rocksdb",
        abstract: "RocksDB: synced 1000-entry batches per second, and reopen time after SIGKILL.")

    @Flag(help: "Print one JSON object of named figures.")
    var json = false

    func run() throws {
        var report = BenchReport(scenario: "rocksdb")
        try RocksDBPrimitives.measure(into: &report)
        report.print(json: json)
    }
}
