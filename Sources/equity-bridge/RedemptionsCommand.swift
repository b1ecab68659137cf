import ArgumentParser
import Bridge

/// `equity-bridge redemptions`.
struct RedemptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redemptions",
        abstract: "Follow Redemption events and book the custody withdrawal for each, once.",
        discussion: "The cursor (next block, last redemption id) is kept in the data directory's database.")

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var nodeOptions: NodeOptions

    func run() async throws {
        try await CommandOutcome.run {
            let bridge = try ReserveBridge(directory: data.directory)
            defer { bridge.close() }
            let report = try await bridge.followRedemptions(rpc: try nodeOptions.client(bridge.configuration))
            print(RedemptionText.describe(report))
            return 0
        }
    }
}
