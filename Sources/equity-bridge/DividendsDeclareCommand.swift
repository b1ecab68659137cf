import ArgumentParser
import Bridge

/// `equity-bridge dividends declare`.
struct DividendsDeclareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "declare",
        abstract: "Declare each received, settled, undeclared cash dividend on chain, funded by a USD mint to the custodian.",
        discussion: """
            Per receipt: mint the USD the declaration locks to the custodian (deposit id \
            keccak256("dividend" ‖ reference), once ever), then declareDividend(token, rate, \
            recordTime, payTime). Chain times default to the record and pay dates' 16:00 New York \
            close; when those are past (a receipt confirmed after its record date), the record \
            time is the chain's head time + 15 minutes and the pay time one hour after it. A \
            given --record-time must be after the chain's head time. Both transactions are \
            journaled; a second run declares nothing. Exit status: 0 nothing refused, 1 a receipt \
            refused or a transaction pending, 2 an error.
            """)

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var nodeOptions: NodeOptions
    @OptionGroup var password: PasswordInput

    @Option(name: .long, help: "Declare only this receipt.")
    var reference: String?
    @Option(name: .long, help: "Chain record time, Unix seconds (default: the record date's 16:00 New York close, or head time + 15 minutes if that is past).")
    var recordTime: UInt64?
    @Option(name: .long, help: "Chain pay time, Unix seconds (default: the pay date's 16:00 New York close, or record time + 1 hour if that is before the record time).")
    var payTime: UInt64?

    func run() async throws {
        try await CommandOutcome.run {
            let bridge = try ReserveBridge(directory: data.directory)
            defer { bridge.close() }
            let (rpc, signer) = try await nodeOptions.custodian(bridge, password: password)
            let report = try await bridge.declareDividends(signer: signer, rpc: rpc, reference: reference,
                                                           recordTime: recordTime, payTime: payTime)
            print(DividendText.describe(report))
            return report.isClean ? 0 : 1
        }
    }
}
