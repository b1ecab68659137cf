import Bridge
import Custody
import Foundation
import Node
import Testing

/// The real `equity-node dev` and the real `equity-bridge`: deposit → mint → transfer →
/// redeem → withdrawal → reconcile, and a SIGKILL between sending a mint and recording it.
@Suite("equity-bridge end to end", .serialized)
struct BridgeEndToEndTests {
    static let share: UInt128 = 1_000_000_000_000_000_000

    /// A node, an initialised bridge with the custodian key (dev account 8, public), and
    /// the opening and deposit statements imported.
    struct Setup {
        let scratch: TemporaryDirectory
        let node: DevNode
        let chain: ChainSession
        let cli: BridgeCLI
        let passwordFile: String

        /// With `depositInInbox`, the deposit statement is left in `DATADIR/inbox` for `run`.
        init(depositInInbox: Bool = false, blockTimeMs: Int = 50) async throws {
            scratch = try TemporaryDirectory()
            node = try await DevNode(in: scratch, blockTimeMs: blockTimeMs)
            chain = try await ChainSession(url: node.url)
            cli = BridgeCLI(datadir: scratch.path("bridge"), scratch: scratch)
            passwordFile = try scratch.write("password.txt", "correct horse battery staple\n")
            let initialised = try await cli.run(["init", "--node", node.url, "--reserve-account", Statements.reserve])
            #expect(initialised.status == 0, "\(initialised.stderr)")
            let keyFile = try scratch.write("custodian.key", Hex.encode(chain.accounts[8].privateKey.bytes))
            let imported = try await cli.run(["keys", "import", "--private-key-file", keyFile, "--password-file", passwordFile])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f  (custodian)"))
            let opening = try scratch.write("opening.csv", Statements.opening())
            let depositText = try Statements.deposit(aapl: 5100, wallet: chain.accounts[1].address.checksummed)
            if depositInInbox {
                let statements = try await cli.run(["custody", "import", opening])
                #expect(statements.status == 0, "\(statements.stderr)")
                try depositText.write(toFile: scratch.path("bridge/inbox/deposit.xml"), atomically: true, encoding: .utf8)
            } else {
                let deposit = try scratch.write("deposit.xml", depositText)
                let statements = try await cli.run(["custody", "import", opening, deposit])
                #expect(statements.status == 0, "\(statements.stderr)")
                #expect(statements.stdout.contains("dwac-deposit 100 US0378331005 to mint to \(chain.accounts[1].address.checksummed)"))
            }
        }

        var depositReference: String {
            ReserveBridge.statementReference(account: try! SafekeepingAccount(Statements.reserve), statementId: "SBC-DEP-1", isin: try! ISIN("US0378331005"))
        }

        func json(_ arguments: [String]) async throws -> (status: Int32, json: JSONValue) {
            let result = try await cli.run(arguments + ["--json"])
            return (result.status, try JSONParser.parse(Array(result.stdout.utf8)))
        }
    }

    @Test func depositMintTransferRedeemWithdrawReconcile() async throws {
        let s = try await Setup()
        let holder = 1

        let before = try await s.cli.run(["reconcile"])
        #expect(before.status == 1)
        #expect(before.stdout.contains("unminted deposit: 100 shares in \(s.depositReference)"))

        let minted = try await s.cli.run(["mint", "--password-file", s.passwordFile])
        #expect(minted.status == 0, "\(minted.stderr)")
        #expect(minted.stdout.contains("minted 100 US0378331005 to \(s.chain.accounts[holder].address.checksummed)"))
        #expect(try await s.chain.balance(of: holder) == 1_100 * Self.share)
        #expect(try await s.chain.aaplSupply() == 5_100 * Self.share)
        #expect(try await s.chain.rpc.depositBlock(DepositId.of(reference: s.depositReference)) != nil)

        let again = try await s.cli.run(["mint", "--password-file", s.passwordFile])
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to mint"))
        #expect(try await s.chain.mintEvents(depositId: DepositId.of(reference: s.depositReference)) == 1)

        let transfer = try await s.chain.send(from: holder, to: ChainSession.aapl,
                                              data: try ERC20.transfer.encodeCall([.address(s.chain.accounts[0].address), .amount(30 * Self.share)]))
        #expect(transfer.succeeded)
        let redeem = try await s.chain.send(from: holder, to: ChainSession.aapl,
                                            data: try ShareTokenInterface.redeem.encodeCall([.amount(40 * Self.share), .string("BRK-7001")]))
        #expect(redeem.succeeded)
        #expect(try await s.chain.aaplSupply() == 5_060 * Self.share)

        let unprocessed = try await s.cli.run(["reconcile"])
        #expect(unprocessed.status == 1)
        #expect(unprocessed.stdout.contains("unprocessed redemption: 40 shares burned in redemption 1"))

        let followed = try await s.cli.run(["redemptions"])
        #expect(followed.status == 0, "\(followed.stderr)")
        #expect(followed.stdout.contains("booked RDM-1: dwac-withdrawal 40 US0378331005 to BRK-7001"))
        let followedAgain = try await s.cli.run(["redemptions"])
        #expect(followedAgain.status == 0)
        #expect(!followedAgain.stdout.contains("booked"))

        // 5,060 supply + 40 in flight == 5,100 settled.
        let inFlight = try await s.json(["reconcile"])
        #expect(inFlight.status == 0)

        let shown = try await s.json(["custody", "show"])
        guard case .object(let book) = shown.json, case .array(let pending)? = book["pending"],
              case .object(let withdrawal)? = pending.first, case .string(let settles)? = withdrawal["settlementDate"]
        else { Issue.record("custody show --json has no pending withdrawal: \(shown.json)"); return }
        #expect(withdrawal["reference"] == .string("RDM-1"))
        #expect(withdrawal["counterparty"] == .string("BRK-7001"))

        let sixty = try s.scratch.write("after-withdrawal.csv", Statements.aapl("5060", id: "CSV-WDL-1", asOf: settles))
        let completed = try await s.cli.run(["custody", "import", sixty])
        #expect(completed.status == 0, "\(completed.stderr)")
        #expect(completed.stdout.contains("settled RDM-1: dwac-withdrawal 40 US0378331005"))

        let matched = try await s.json(["reconcile"])
        #expect(matched.status == 0)
        guard case .object(let report) = matched.json, case .array(let assets)? = report["assets"],
              case .object(let aapl)? = assets.first(where: { if case .object(let a) = $0 { a["symbol"] == .string("AAPL") } else { false } })
        else { Issue.record("reconcile --json has no AAPL line: \(matched.json)"); return }
        #expect(report["matched"] == .bool(true))
        #expect(aapl["supplyShares"] == .string("5060"))
        #expect(aapl["settledReserve"] == .string("5060"))
        #expect(aapl["redemptionsInFlight"] == .string("0"))

        let short = try s.scratch.write("short.csv", Statements.aapl("5059", id: "CSV-SHORT-1", asOf: settles))
        #expect(try await s.cli.run(["custody", "import", short]).status == 0)
        let broken = try await s.cli.run(["reconcile"])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("US0378331005 (AAPL): chain side 5060 (supply 5060 + 0 in flight) vs custody side 5059"))
        #expect(broken.stdout.contains("difference +1"))
        #expect(broken.stdout.contains("likely cause: over-issue: the chain owes 1 shares more than custody holds"))

        let last = try await s.cli.run(["mint", "--password-file", s.passwordFile])
        #expect(last.stdout.contains("nothing to mint"))
        #expect(try await s.chain.mintEvents(depositId: DepositId.of(reference: s.depositReference)) == 1)
    }

    @Test func sigkillBetweenSendingAMintAndRecordingItMintsExactlyOnce() async throws {
        let s = try await Setup(depositInInbox: true)
        let refused = try s.scratch.write("bridge/inbox/zz-refused.csv", "statement_id,account\n")
        let crashed = try s.cli.start(["run", "--interval", "1", "--password-file", s.passwordFile],
                                      environment: [CrashPoint.variable: CrashPoint.mintSent.rawValue])
        _ = try await crashed.wait()
        #expect(crashed.process.terminationReason == .uncaughtSignal)
        #expect(crashed.process.terminationStatus == SIGKILL)
        // The daemon took the deposit statement from the inbox before minting.
        #expect(FileManager.default.fileExists(atPath: s.scratch.path("bridge/inbox/imported/deposit.xml")))
        #expect(!FileManager.default.fileExists(atPath: s.scratch.path("bridge/inbox/deposit.xml")))

        let open = try await s.json(["custody", "show"])
        guard case .object(let book) = open.json, case .array(let intents)? = book["mints"] else {
            Issue.record("custody show --json has no mint journal"); return
        }
        #expect(intents.count == 1)
        if case .object(let intent)? = intents.first { #expect(intent["state"] == .string("open")) }

        let restarted = try s.cli.start(["run", "--interval", "1", "--password-file", s.passwordFile], environment: [:])
        let depositId = DepositId.of(reference: s.depositReference)
        var resolved = false
        for _ in 0..<1_200 where !resolved {
            resolved = restarted.stderr.contains("all 5 asset(s) matched") || restarted.stdout.contains("all 5 asset(s) matched")
            if !resolved { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(resolved, "run did not reach a matched reconcile: \(restarted.stderr)")
        // Then, at its start, the daemon attests the reserve from the imported statement.
        var attested = false
        for _ in 0..<1_200 where !attested {
            attested = (restarted.stderr + restarted.stdout).contains("signer is the custodian")
            if !attested { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(attested, "run did not attest: \(restarted.stderr)")
        let reserve = try await s.chain.rpc.reserveAttestation(of: ChainSession.aapl)
        #expect(reserve?["settledReserveFormatted"] == .string("5100"))
        #expect(reserve?["onChainSupplyFormatted"] == .string("5100"))
        #expect(reserve?["signerIsCustodian"] == .bool(true))
        restarted.process.terminate()
        let stopped = try await restarted.wait()
        #expect(stopped.status == 0)
        #expect(restarted.process.terminationReason == .exit)
        // A file the daemon cannot import is set aside with the reason beside it.
        #expect(!FileManager.default.fileExists(atPath: refused))
        let reason = try String(contentsOfFile: s.scratch.path("bridge/inbox/refused/zz-refused.csv.error"), encoding: .utf8)
        #expect(reason.contains("CSV statement refused at line 1"))

        let after = try await s.json(["custody", "show"])
        guard case .object(let finalBook) = after.json, case .array(let finalIntents)? = finalBook["mints"],
              case .object(let intent)? = finalIntents.first
        else { Issue.record("custody show --json has no mint journal"); return }
        #expect(finalIntents.count == 1)
        #expect(intent["state"] == .string("done"))
        #expect(intent["attempt"] == .unsigned(1))
        #expect(try await s.chain.mintEvents(depositId: depositId) == 1)
        #expect(try await s.chain.aaplSupply() == 5_100 * Self.share)

        let again = try await s.cli.run(["mint", "--password-file", s.passwordFile])
        #expect(again.stdout.contains("nothing to mint"))
        #expect(try await s.chain.mintEvents(depositId: depositId) == 1)
    }

    /// The node loses the mint too: the bridge dies right after the node admitted it into
    /// a block not sealed yet (the node seals one a minute), then the node is killed.
    /// On restart the journal's open intent finds no receipt and no deposit, and the SAME
    /// signed transaction (same nonce, same hash) is sent again.
    @Test func aMintLostWithTheNodesOpenBlockIsResentUnchanged() async throws {
        let s = try await Setup(blockTimeMs: 60_000)
        let crashed = try await s.cli.start(["mint", "--password-file", s.passwordFile],
                                            environment: [CrashPoint.variable: CrashPoint.mintSent.rawValue]).wait()
        #expect(crashed.status == SIGKILL)
        let open = try await s.json(["custody", "show"])
        guard case .object(let book) = open.json, case .array(let intents)? = book["mints"], case .object(let sent)? = intents.first,
              case .string(let hash)? = sent["transactionHash"]
        else { Issue.record("no open intent: \(open.json)"); return }
        #expect(sent["state"] == .string("open"))

        try await s.node.kill()
        let restarted = try await DevNode(in: s.scratch)
        let chain = try await ChainSession(url: restarted.url)
        #expect(try await chain.rpc.depositBlock(DepositId.of(reference: s.depositReference)) == nil)
        #expect(try await chain.aaplSupply() == 5_000 * Self.share)

        let resumed = try await s.cli.run(["mint", "--node", restarted.url, "--password-file", s.passwordFile])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("resolved \(s.depositReference) (nonce 0): done"), "\(resumed.stdout)")
        let after = try await s.json(["custody", "show"])
        guard case .object(let finalBook) = after.json, case .array(let finalIntents)? = finalBook["mints"],
              case .object(let done)? = finalIntents.first
        else { Issue.record("no journal: \(after.json)"); return }
        #expect(finalIntents.count == 1)
        #expect(done["state"] == .string("done"))
        #expect(done["transactionHash"] == .string(hash))
        #expect(done["attempt"] == .unsigned(1))
        guard let txHash = Bytes32(hex: hash) else { Issue.record("bad hash \(hash)"); return }
        #expect(try await chain.rpc.receipt(of: txHash)?.succeeded == true)
        #expect(try await chain.mintEvents(depositId: DepositId.of(reference: s.depositReference)) == 1)
        #expect(try await chain.aaplSupply() == 5_100 * Self.share)
    }
}
