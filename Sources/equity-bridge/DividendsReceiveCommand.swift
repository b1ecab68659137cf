import ArgumentParser
import Bridge
import Custody
import Node

/// `equity-bridge dividends receive`: books a cash dividend confirmation.
struct DividendsReceiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive",
        abstract: "Book a cash dividend credited to the reserve account (the custodian's MT566-style confirmation).",
        discussion: """
            Refused unless the book is settled through the record date and --cash equals \
            --rate × the reserve's settled shares at the record date (rounded down to 10^-6 USD). \
            Idempotent by --reference: the same confirmation again books nothing.
            """)

    @OptionGroup var data: DataDirectoryOptions

    @Option(name: .long, help: "The confirmation's reference (1-35 characters), unique per receipt.")
    var reference: String
    @Option(name: .long, help: "The ISIN the dividend is paid on.")
    var isin: String
    @Option(name: .long, help: "Gross rate in USD per share, e.g. 0.26 (at most 6 decimals).")
    var rate: String
    @Option(name: .long, help: "Cash credited in USD, e.g. 1326.00.")
    var cash: String
    @Option(name: .long, help: "Record date, YYYY-MM-DD.")
    var recordDate: String
    @Option(name: .long, help: "Pay date (the cash's value date, a business day), YYYY-MM-DD.")
    var payDate: String
    @Option(name: .long, help: "Currency of the cash (only USD can be declared on chain).")
    var currency: String = "USD"

    func run() async throws {
        try await CommandOutcome.run {
            let security: ISIN
            let record: SettlementDate
            let pay: SettlementDate
            do { security = try ISIN(isin) } catch { throw CommandFailure(description: "--isin '\(isin)': \(error)") }
            do { record = try SettlementDate(parsing: recordDate) } catch { throw CommandFailure(description: "--record-date '\(recordDate)': \(error)") }
            do { pay = try SettlementDate(parsing: payDate) } catch { throw CommandFailure(description: "--pay-date '\(payDate)': \(error)") }
            let bridge = try ReserveBridge(directory: data.directory)
            defer { bridge.close() }
            let (receipt, isNew) = try bridge.receiveDividend(reference: reference, isin: security, rate: rate, cash: cash, currency: currency,
                                                              recordDate: record, payDate: pay)
            let what = "\(receipt.reference): \(Amount.format(UInt128(receipt.cash), decimals: Amount.cashDecimals)) \(receipt.currency) on \(receipt.reserveShares) \(receipt.isin) at \(Amount.format(UInt128(receipt.amountPerShare), decimals: Amount.cashDecimals)) per share, record \(receipt.recordDate), pay \(receipt.payDate)"
            print(isNew ? "received \(what)" : "already received \(what)")
            return 0
        }
    }
}
