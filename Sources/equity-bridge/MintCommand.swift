import ArgumentParser
import Bridge
import Node

/// `equity-bridge mint`.
struct MintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mint",
        abstract: "Mint for settled reserve deposits that carry a chain address; a deposit mints once.",
        discussion: """
            The deposit id is keccak256("equitychain-deposit:" + custody reference). Open journal \
            intents from an interrupted run are resolved first. Exit status: 0 nothing refused, \
            1 a deposit was refused or a mint is still pending, 2 an error.
            """)

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var nodeOptions: NodeOptions
    @OptionGroup var password: PasswordInput

    func run() async throws {
        try await CommandOutcome.run {
            let bridge = try ReserveBridge(directory: data.directory)
            defer { bridge.close() }
            let (rpc, signer) = try await nodeOptions.custodian(bridge, password: password)
            let report = try await bridge.mint(signer: signer, rpc: rpc)
            print(MintText.describe(report))
            return report.refused.isEmpty && report.pending.isEmpty ? 0 : 1
        }
    }
}
