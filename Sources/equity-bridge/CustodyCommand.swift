import ArgumentParser

/// `equity-bridge custody import|show`.
struct CustodyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custody", abstract: "Import custody statements and show the custody book.",
        subcommands: [CustodyImportCommand.self, CustodyShowCommand.self])
}
