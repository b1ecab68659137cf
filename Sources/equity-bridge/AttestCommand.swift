import ArgumentParser
import Bridge
import Foundation
import Node

/// `equity-bridge attest`: proof of reserve.
struct AttestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attest",
        abstract: "Post a signed proof-of-reserve attestation per share token for the last reserve statement.",
        discussion: """
            Attests, per share token with a settled reserve or a supply: the reserve account's last \
            applied statement (id, SHA-256 of --statement FILE, which must hold that statement; \
            default: the newest file in inbox/imported that does), the settled reserve and the \
            on-chain supply in shares, and the time (now, not before the node's head time); signed \
            with the custodian key and posted from the custodian account, journaled so a crash never \
            posts twice. An asset whose latest attestation already says the same is not posted \
            again. Exit status: 0 every asset attested and shown by equity_getReserves as signed \
            by the custodian, 1 a post failed, is pending or unverified, 2 an error (nothing posted).
            """)

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var nodeOptions: NodeOptions
    @OptionGroup var password: PasswordInput

    @Option(name: .long, help: "The reserve account's last applied statement file, as received.")
    var statement: String?

    @Flag(name: .long, help: "Print one JSON object instead of lines.")
    var json = false

    func run() async throws {
        try await CommandOutcome.run {
            let bridge = try ReserveBridge(directory: data.directory)
            defer { bridge.close() }
            let (rpc, signer) = try await nodeOptions.custodian(bridge, password: password)
            let now = UInt64(max(0, Date().timeIntervalSince1970))
            let report = try await bridge.attest(statementPath: statement, signer: signer, rpc: rpc, now: now)
            print(json ? AttestationText.json(report) : AttestationText.describe(report))
            return report.isComplete ? 0 : 1
        }
    }
}
