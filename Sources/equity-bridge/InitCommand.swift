import ArgumentParser
import Bridge
import Custody

/// `equity-bridge init`: records the node URL and the reserve account.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Initialise a data directory: node URL and the custody reserve account.")

    @OptionGroup var data: DataDirectoryOptions

    @Option(name: .long, help: "The node's JSON-RPC URL, e.g. http://127.0.0.1:8545.")
    var node: String

    @Option(name: .long, help: "The safekeeping account that holds the token reserve (as the custodian writes it).")
    var reserveAccount: String

    @Flag(name: .long, help: "Replace the configuration of an initialised directory (keys and database are kept).")
    var force = false

    func run() async throws {
        try await CommandOutcome.run {
            let url = try NodeRPCClient(url: node).url.absoluteString
            let account = try SafekeepingAccount(reserveAccount)
            let directory = data.directory
            let custodian = force && directory.isInitialised ? (try? directory.configuration())?.custodian : nil
            try directory.initialise(BridgeConfiguration(nodeURL: url, reserveAccount: account, custodian: custodian), force: force)
            print("initialised \(directory.url.path): node \(url), reserve account \(account)")
            return 0
        }
    }
}
