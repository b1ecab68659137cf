import Bridge
import Foundation
import Node
import Testing

/// `equity-bridge attest` against the real node: the attestation `equity_getReserves`
/// serves, posted once, and bad statement files refused with nothing posted.
@Suite("equity-bridge attest end to end", .serialized)
struct AttestEndToEndTests {
    typealias Setup = BridgeEndToEndTests.Setup

    static func attested(_ json: JSONValue, _ member: String) -> [[String: JSONValue]] {
        guard case .object(let o) = json, case .array(let list)? = o[member] else { return [] }
        return list.compactMap { if case .object(let a) = $0 { a } else { nil } }
    }

    @Test func attestPostsWhatEquityGetReservesServesOnce() async throws {
        let s = try await Setup()
        let minted = try await s.cli.run(["mint", "--password-file", s.passwordFile])
        #expect(minted.status == 0, "\(minted.stderr)")
        let deposit = s.scratch.path("deposit.xml")
        let sha = try SHA256.hash(Array(try Data(contentsOf: URL(fileURLWithPath: deposit))))

        let first = try await s.json(["attest", "--statement", deposit, "--password-file", s.passwordFile])
        #expect(first.status == 0, "\(first.json)")
        let posted = Self.attested(first.json, "attested")
        #expect(posted.count == 5)
        #expect(posted.allSatisfy { $0["verified"] == .bool(true) })

        guard let aapl = try await s.chain.rpc.reserveAttestation(of: ChainSession.aapl) else {
            Issue.record("equity_getReserves has no AAPL attestation"); return
        }
        #expect(aapl["isin"] == .string("US0378331005"))
        #expect(aapl["statementId"] == .string("SBC-DEP-1"))
        #expect(aapl["statementSha256"] == .string(sha.hex))
        #expect(aapl["settledReserveFormatted"] == .string("5100"))
        #expect(aapl["onChainSupplyFormatted"] == .string("5100"))
        #expect(aapl["signerIsCustodian"] == .bool(true))
        #expect(aapl["signer"] == .address(s.chain.accounts[8].address))
        let block = aapl["blockNumber"]

        // Again at once: the chain already holds the same attestation; nothing is posted.
        let second = try await s.json(["attest", "--statement", deposit, "--password-file", s.passwordFile])
        #expect(second.status == 0, "\(second.json)")
        #expect(Self.attested(second.json, "attested").isEmpty)
        #expect(Self.attested(second.json, "alreadyAttested").count == 5)
        #expect(try await s.chain.rpc.reserveAttestation(of: ChainSession.aapl)?["blockNumber"] == block)
    }

    @Test func aStatementThatIsNotTheLastAppliedOrIsMissingIsRefusedAndNothingIsPosted() async throws {
        let s = try await Setup()
        let opening = s.scratch.path("opening.csv")
        let stale = try await s.cli.run(["attest", "--statement", opening, "--password-file", s.passwordFile])
        #expect(stale.status == 2)
        #expect(stale.stderr.contains("holds statement OPEN-1 of RSV-OMNIBUS-01, but the last statement applied to the reserve account RSV-OMNIBUS-01 is SBC-DEP-1"), "\(stale.stderr)")

        let missing = try await s.cli.run(["attest", "--statement", s.scratch.path("nowhere.xml"), "--password-file", s.passwordFile])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the statement file"), "\(missing.stderr)")

        let garbage = try s.scratch.write("garbage.txt", "not a statement\n")
        let unreadable = try await s.cli.run(["attest", "--statement", garbage, "--password-file", s.passwordFile])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("not a statement file the bridge reads"), "\(unreadable.stderr)")

        // Nothing imported through the inbox: no default file either.
        let none = try await s.cli.run(["attest", "--password-file", s.passwordFile])
        #expect(none.status == 2)
        #expect(none.stderr.contains("give its file with --statement FILE"), "\(none.stderr)")

        #expect(try await s.chain.rpc.reserveAttestation(of: ChainSession.aapl) == nil)
        #expect(try await s.chain.rpc.pendingNonce(of: s.chain.accounts[8].address) == 0)
    }

    /// SIGKILL right after the node accepted the first attestation, before it was recorded:
    /// the next run resolves it from the journal, finds it on chain and posts the rest; every
    /// asset ends with exactly one attestation.
    @Test func sigkillBetweenPostingAnAttestationAndRecordingItPostsItOnce() async throws {
        let s = try await Setup()
        let deposit = s.scratch.path("deposit.xml")
        let crashed = try await s.cli.start(["attest", "--statement", deposit, "--password-file", s.passwordFile],
                                            environment: [CrashPoint.variable: CrashPoint.attestSent.rawValue]).wait()
        #expect(crashed.status == SIGKILL)

        let resumed = try await s.json(["attest", "--statement", deposit, "--password-file", s.passwordFile])
        #expect(resumed.status == 0, "\(resumed.json)")
        #expect(Self.attested(resumed.json, "attested").count + Self.attested(resumed.json, "alreadyAttested").count == 5)
        #expect(Self.attested(resumed.json, "alreadyAttested").count == 1)
        let resolved = Self.attested(resumed.json, "resolved")
        #expect(resolved.count == 1)
        #expect(resolved.first?["state"] == .string("done"))

        let head = try await s.chain.rpc.blockNumber()
        let logs = try await s.chain.rpc.logs(addresses: [SystemAddress.reserves], topics: [[ReservesInterface.reserveAttestedEvent.topic]],
                                              blocks: 0...head)
        #expect(logs.count == 5)
        #expect(Set(logs.map { $0.topics[1] }).count == 5)
    }
}
