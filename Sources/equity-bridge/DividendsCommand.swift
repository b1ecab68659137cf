import ArgumentParser

/// `equity-bridge dividends receive|declare|pay|show`.
struct DividendsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dividends",
        abstract: "Pass cash dividends received in custody for the reserve on to the token holders.",
        discussion: """
            receive books the custodian's confirmation of a cash dividend credited to the reserve \
            account; declare mints that USD to the custodian and declares the dividend on chain; \
            pay pushes it to the holders after the pay time; show lists the receipts. \
            See docs/custodian-guide.md, "Dividends".
            """,
        subcommands: [DividendsReceiveCommand.self, DividendsDeclareCommand.self, DividendsPayCommand.self, DividendsShowCommand.self])
}
