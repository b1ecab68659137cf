import ArgumentParser
import Bridge
import Node

/// `equity-bridge dividends pay`.
struct DividendsPayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "After the pay time, push each declared dividend to its unpaid holders, 200 a transaction.",
        discussion: """
            Holders are the token's holders now (equity_getHolders), the recipients of its \
            Transfer logs and each --holder, with an unpaid entitlement; \
            holders who claimed are skipped, and the chain pays nobody twice. Exit status: 0 \
            nothing refused, 1 a push failed or is pending, 2 an error.
            """)

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var nodeOptions: NodeOptions
    @OptionGroup var password: PasswordInput

    @Option(name: .long, help: "A holder of record to pay that holds no tokens now and never received any by transfer (a genesis holder who sold); repeatable.")
    var holder: [String] = []

    func run() async throws {
        try await CommandOutcome.run {
            var extra: [Address] = []
            for text in holder {
                do { extra.append(try Address(hex: text)) } catch { throw CommandFailure(description: "--holder '\(text)': \(error)") }
            }
            let bridge = try ReserveBridge(directory: data.directory)
            defer { bridge.close() }
            let (rpc, signer) = try await nodeOptions.custodian(bridge, password: password)
            let report = try await bridge.payDividends(signer: signer, rpc: rpc, extraHolders: extra)
            print(DividendText.describe(report))
            return report.isClean ? 0 : 1
        }
    }
}
