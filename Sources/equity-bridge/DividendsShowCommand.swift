import ArgumentParser
import Bridge
import Node

/// `equity-bridge dividends show`.
struct DividendsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "List the cash dividend receipts and how far each is declared and paid.")

    @OptionGroup var data: DataDirectoryOptions

    @Flag(name: .long, help: "Print one JSON array instead of the table.")
    var json = false

    func run() async throws {
        try await CommandOutcome.run {
            let bridge = try ReserveBridge(directory: data.directory)
            defer { bridge.close() }
            let receipts = try bridge.dividendReceipts.all()
            print(json ? DividendText.json(receipts) : DividendText.table(receipts))
            return 0
        }
    }
}
