import ArgumentParser

/// `equity-bridge`: the custodian's bridge between the brokerage custody book and the chain.
@main
struct EquityBridge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "equity-bridge",
        abstract: "Reconcile the custody book with the chain; mint, redeem, attest reserves and pass on dividends.",
        discussion: """
            Every command takes --datadir DIR (default ~/.equity-bridge). Exit codes: 0 success \
            (reconcile: matched), 1 reconcile breaks, or mints, attestations, dividend receipts refused or \
            pending, 2 an error (nothing changed). \
            See docs/custodian-guide.md.
            """,
        subcommands: [
            InitCommand.self, KeysCommand.self, CustodyCommand.self, ReconcileCommand.self, MintCommand.self,
            RedemptionsCommand.self, AttestCommand.self, DividendsCommand.self, RunCommand.self,
        ])
}
