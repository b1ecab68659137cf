import ArgumentParser
import Bridge

/// `equity-bridge reconcile`: exit 0 matched, 1 breaks, 2 error.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Check supply + redemptions in flight == settled reserve + deposits being minted, per ISIN.",
        discussion: "Exit status: 0 every asset matched, 1 at least one break (each named with its likely cause), 2 an error.")

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var nodeOptions: NodeOptions

    @Flag(name: .long, help: "Print one JSON object instead of the table.")
    var json = false

    func run() async throws {
        try await CommandOutcome.run {
            let bridge = try ReserveBridge(directory: data.directory)
            defer { bridge.close() }
            let lines = try await bridge.reconcile(rpc: try nodeOptions.client(bridge.configuration))
            print(json ? ReconciliationText.json(lines) : ReconciliationText.table(lines))
            return lines.allSatisfy(\.isMatched) ? 0 : 1
        }
    }
}
