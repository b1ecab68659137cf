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
            let directory = data.directory
            let bridge = try ReserveBridge(directory: directory)
            defer { bridge.close() }
            let rpc = try nodeOptions.client(bridge.configuration)
            let key = try directory.custodianKey(password: try password.read())
            let chainId = try await rpc.chainId()
            let report = try await bridge.mint(signer: CustodianSigner(key: key, chainId: chainId), rpc: rpc)
            print(MintText.describe(report))
            return report.refused.isEmpty && report.pending.isEmpty ? 0 : 1
        }
    }
}
