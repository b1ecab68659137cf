import ArgumentParser

/// `equity-bridge keys new|import|list`.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the keystore v3 files in DATADIR/keys; the custodian key signs mints.",
        subcommands: [KeysNewCommand.self, KeysImportCommand.self, KeysListCommand.self])
}
