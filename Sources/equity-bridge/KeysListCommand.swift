import ArgumentParser
import Bridge

/// `equity-bridge keys list`.
struct KeysListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stored keys' addresses.")

    @OptionGroup var data: DataDirectoryOptions

    func run() async throws {
        try await CommandOutcome.run {
            let directory = data.directory
            let configuration = try directory.configuration()
            for address in try directory.keyRing.addresses() {
                print("\(address.checksummed)\(configuration.custodian == address.checksummed ? "  (custodian)" : "")")
            }
            return 0
        }
    }
}
