import ArgumentParser
import Bridge
import Foundation
import Logging
import Node

/// `equity-bridge run`: the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run as a daemon: import the inbox, mint, follow redemptions, pass on dividends, reconcile; repeat.",
        discussion: """
            Each cycle: import statement files dropped in DATADIR/inbox (moved to inbox/imported \
            or inbox/refused), resolve the mint journal and mint, book withdrawals for new \
            redemptions, declare received dividends (default chain times) and push payable ones, \
            reconcile and log any break, and attest the reserve (as `attest` does) at start and \
            after each applied statement until the attestation is posted. A failing step is logged and retried next \
            cycle. SIGTERM or SIGINT stops after the current step (exit 0). The mint journal makes \
            a SIGKILL at any point safe: the next start resolves open intents before minting.
            """)

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var nodeOptions: NodeOptions
    @OptionGroup var password: PasswordInput

    @Option(name: .long, help: "Seconds between cycles.")
    var interval: Double = 60

    @Flag(name: .long, help: "Do not mint, pass on dividends or attest (no key needed): import, follow redemptions and reconcile only.")
    var noMint = false

    func run() async throws {
        try await CommandOutcome.run {
            guard interval > 0, interval <= 86_400 else { throw CommandFailure(description: "--interval must be from 0 to 86400 seconds") }
            let stop = StopSignal.install()
            let directory = data.directory
            let logger = Logger(label: "equity-bridge")
            let bridge = try ReserveBridge(directory: directory, logger: logger)
            defer { bridge.close() }
            let rpc = try nodeOptions.client(bridge.configuration)
            let key = noMint ? nil : try directory.custodianKey(password: try password.read())
            logger.info("equity-bridge run: \(directory.url.path), node \(rpc.url.absoluteString), every \(interval) s")
            var attestDue = true
            while !stop.isSet {
                attestDue = await cycle(bridge: bridge, rpc: rpc, key: key, attestDue: attestDue, stop: stop, logger: logger)
                await stop.sleep(seconds: interval)
            }
            logger.info("equity-bridge run: stopped")
            return 0
        }
    }

    /// One pass; returns whether a proof of reserve is still due (a statement was applied
    /// and its attestation has not been posted yet).
    private func cycle(
        bridge: ReserveBridge, rpc: NodeRPCClient, key: Secp256k1.PrivateKey?, attestDue: Bool, stop: StopSignal, logger: Logger
    ) async -> Bool {
        var attestDue = attestDue
        do {
            for entry in try bridge.importInbox() {
                if let result = entry.result {
                    logger.info("\(StatementImportText.describe(result))")
                    if result.outcomes.contains(where: { if case .applied = $0 { true } else { false } }) { attestDue = true }
                } else {
                    logger.error("refused \(entry.name): \(entry.refusal ?? "")")
                }
            }
        } catch { logger.error("inbox: \(error)") }
        if let key, !stop.isSet {
            do {
                let report = try await bridge.mint(signer: CustodianSigner(key: key, chainId: try await chainId(rpc)), rpc: rpc)
                logger.info("\(MintText.describe(report))")
            } catch { logger.error("mint: \(error)") }
        }
        guard !stop.isSet else { return attestDue }
        do {
            let report = try await bridge.followRedemptions(rpc: rpc)
            logger.info("\(RedemptionText.describe(report))")
        } catch { logger.error("redemptions: \(error)") }
        if let key, !stop.isSet {
            do {
                let signer = CustodianSigner(key: key, chainId: try await chainId(rpc))
                let declared = try await bridge.declareDividends(signer: signer, rpc: rpc)
                if !declared.declared.isEmpty || !declared.isClean { logger.info("dividends declare: \(DividendText.describe(declared))") }
                let paid = try await bridge.payDividends(signer: signer, rpc: rpc)
                if !paid.pushed.isEmpty || !paid.isClean { logger.info("dividends pay: \(DividendText.describe(paid))") }
            } catch { logger.error("dividends: \(error)") }
        }
        guard !stop.isSet else { return attestDue }
        do {
            let lines = try await bridge.reconcile(rpc: rpc)
            if lines.allSatisfy(\.isMatched) {
                logger.info("reconcile: all \(lines.count) asset(s) matched")
            } else {
                logger.warning("reconcile: \(ReconciliationText.table(lines))")
            }
        } catch { logger.error("reconcile: \(error)") }
        // Proof of reserve once per applied statement (and at start), after minting and
        // redemptions have brought the chain level with it.
        guard let key, attestDue, !stop.isSet else { return attestDue }
        do {
            let signer = CustodianSigner(key: key, chainId: try await chainId(rpc))
            let report = try await bridge.attest(statementPath: nil, signer: signer, rpc: rpc, now: UInt64(max(0, Date().timeIntervalSince1970)))
            logger.info("attest: \(AttestationText.describe(report))")
            return !report.isComplete
        } catch .statementMismatch(_, let why) {
            // Nothing to attest from (no statement applied, or its file did not come through
            // the inbox): wait for the next applied statement rather than repeat this.
            logger.warning("attest: \(why)")
            return false
        } catch {
            logger.error("attest: \(error)")
            return true
        }
    }

    private func chainId(_ rpc: NodeRPCClient) async throws(BridgeError) -> UInt64 {
        do { return try await rpc.chainId() } catch { throw .node(error) }
    }
}
