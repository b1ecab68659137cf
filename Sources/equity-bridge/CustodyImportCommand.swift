import ArgumentParser
import Bridge
import Custody
import Foundation

/// `equity-bridge custody import FILE...`.
struct CustodyImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import statement files (semt.002 v11/v12, MT535, custody CSV).",
        discussion: """
            Every file is read and checked before any is imported: a malformed file is refused \
            with the line or element at fault and nothing is imported. Pages of a multi-page \
            statement are held until all are in. A complete statement of the reserve account \
            brings the book level with it (deposits to mint, withdrawals completed).
            """)

    @OptionGroup var data: DataDirectoryOptions

    @Argument(help: "Statement files, imported in the order given.")
    var files: [String]

    func run() async throws {
        try await CommandOutcome.run {
            guard !files.isEmpty else { throw CommandFailure(description: "give at least one statement file") }
            for file in files {
                let bytes: [UInt8]
                do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file))) } catch {
                    throw BridgeError.unreadableFile(path: file, error.localizedDescription)
                }
                do { _ = try StatementImporter.pages(fromFile: bytes) } catch {
                    throw CommandFailure(description: "\(file): \(error)")
                }
            }
            let bridge = try ReserveBridge(directory: data.directory)
            defer { bridge.close() }
            for file in files {
                let result = try bridge.importStatement(atPath: file)
                print(StatementImportText.describe(result))
            }
            return 0
        }
    }
}
