import Bridge
import Foundation
import Node
import Testing

/// Issue 7 end to end with the real node and bridge: custody receives the cash dividend for
/// the reserve → `dividends declare` → holders see pending entitlements over RPC → after the
/// pay time one claims and `dividends pay` pushes the rest → balances to the unit per
/// withholding category → reconcile still matched.
@Suite("equity-bridge dividends end to end", .serialized)
struct DividendsEndToEndTests {
    typealias Setup = BridgeEndToEndTests.Setup
    static let share = BridgeEndToEndTests.share
    /// The devnet identities' tax categories (genesis), by dev account, and the documented rates.
    static let withholdingBasisPoints: [UInt128] = [0, 0, 1_500, 3_000, 0, 1_500, 0, 0, 0, 0]

    static func usdBalance(_ chain: ChainSession, _ cash: Address, _ holder: Address) async throws -> UInt128 {
        try ERC20.balanceOf.decodeOutput(try await chain.rpc.call(to: cash, data: try ERC20.balanceOf.encodeCall([.address(holder)])))[0].amount()
    }

    static func waitForHeadTime(_ chain: ChainSession, atLeast time: UInt64) async throws {
        for _ in 0..<600 where try await chain.rpc.headTimestamp() < time { try await Task.sleep(for: .milliseconds(50)) }
    }

    @Test func aCashDividendReceivedInCustodyIsDeclaredClaimedPushedAndReconciled() async throws {
        let s = try await Setup(blockTimeMs: 250)
        let chain = s.chain
        #expect(try await s.cli.run(["mint", "--password-file", s.passwordFile]).status == 0)
        // Spread AAPL over holders of every withholding category before the record point.
        for (to, shares) in [(2, UInt128(100)), (3, UInt128(50))] {
            let moved = try await chain.send(from: 1, to: ChainSession.aapl,
                                             data: try ERC20.transfer.encodeCall([.address(chain.accounts[to].address), .amount(shares * Self.share)]))
            #expect(moved.succeeded)
        }

        // Custody: 5,100 reserve shares at the record date, $0.24 a share: $1,224.00.
        let wrong = try await s.cli.run(["dividends", "receive", "--reference", "DIV-AAPL-1", "--isin", "US0378331005", "--rate", "0.24",
                                         "--cash", "1224.01", "--record-date", "2026-01-06", "--pay-date", "2026-01-06"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("cash 1224.01 USD is not 0.24 USD × 5100 settled reserve shares at the record date = 1224 USD"), "\(wrong.stderr)")
        let receive = ["dividends", "receive", "--reference", "DIV-AAPL-1", "--isin", "US0378331005", "--rate", "0.24",
                       "--cash", "1224.00", "--record-date", "2026-01-06", "--pay-date", "2026-01-06"]
        let received = try await s.cli.run(receive)
        #expect(received.status == 0, "\(received.stderr)")
        #expect(received.stdout.contains("received DIV-AAPL-1: 1224 USD on 5100 US0378331005 at 0.24 per share"), "\(received.stdout)")
        let again = try await s.cli.run(receive)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already received DIV-AAPL-1"))

        // The chain cannot record in the past.
        let pastTime = String(try await chain.rpc.headTimestamp() - 60)
        let past = try await s.cli.run(["dividends", "declare", "--record-time", pastTime, "--pay-time", pastTime, "--password-file", s.passwordFile])
        #expect(past.status == 1)
        #expect(past.stdout.contains("is not after the chain's head time"), "\(past.stdout)")
        let count = try await chain.rpc.view(DividendsInterface.dividendCount, on: SystemAddress.dividends, [])
        #expect(try count[0].uint256().uint64 == 0)

        var holders: [(index: Int, balance: UInt128)] = []
        for i in 0..<10 {
            let balance = try await chain.balance(of: i)
            if balance > 0 { holders.append((i, balance)) }
        }
        #expect(holders.reduce(0) { $0 + $1.balance } == 5_100 * Self.share)
        let cash = try await chain.rpc.cashToken()
        var before: [Int: UInt128] = [:]
        for h in holders { before[h.index] = try await Self.usdBalance(chain, cash, chain.accounts[h.index].address) }

        let head = try await chain.rpc.headTimestamp()
        // Seconds ahead: the USD mint and the declaration each wait for a block first, and a
        // loaded CI machine starts the bridge (scrypt keystore, RocksDB) slowly.
        let recordTime = head + 15, payTime = head + 19
        let times = ["--record-time", String(recordTime), "--pay-time", String(payTime), "--password-file", s.passwordFile]
        let declared = try await s.cli.run(["dividends", "declare"] + times)
        #expect(declared.status == 0, "\(declared.stdout)\(declared.stderr)")
        #expect(declared.stdout.contains("minted 1224 USD to the custodian for DIV-AAPL-1"), "\(declared.stdout)")
        #expect(declared.stdout.contains("declared DIV-AAPL-1: dividend 1 on US0378331005"), "\(declared.stdout)")
        let declaredAgain = try await s.cli.run(["dividends", "declare"] + times)
        #expect(declaredAgain.status == 0)
        #expect(declaredAgain.stdout.contains("nothing to do"), "\(declaredAgain.stdout)")
        let countAfter = try await chain.rpc.view(DividendsInterface.dividendCount, on: SystemAddress.dividends, [])
        #expect(try countAfter[0].uint256().uint64 == 1)
        #expect(try await chain.rpc.depositBlock(DividendReceipt.depositId(reference: "DIV-AAPL-1")) != nil)

        // Between record and pay: pending entitlements over RPC, gross = shares × $0.24.
        try await Self.waitForHeadTime(chain, atLeast: recordTime)
        var expectedNet: [Int: UInt128] = [:]
        var withheldTotal: UInt128 = 0
        for h in holders {
            let gross = h.balance * 240_000 / Self.share
            let withheld = gross * Self.withholdingBasisPoints[h.index] / 10_000
            expectedNet[h.index] = gross - withheld
            withheldTotal += withheld
            let answer = try await chain.rpc.call("equity_getEntitlements", [.address(chain.accounts[h.index].address)])
            guard case .object(let o) = answer, case .array(let list)? = o["entitlements"], case .object(let e)? = list.first else {
                Issue.record("no entitlement for dev account \(h.index): \(answer)"); continue
            }
            #expect(e["gross"] == .quantity(gross))
            #expect(e["withholding"] == .quantity(withheld))
            #expect(e["paid"] == .bool(false))
            #expect(o["pendingNet"] == .quantity(gross - withheld))
        }

        let early = try await s.cli.run(["dividends", "pay", "--password-file", s.passwordFile])
        if try await chain.rpc.headTimestamp() < payTime {
            #expect(early.stdout.contains("DIV-AAPL-1: payable from time \(payTime)"), "\(early.stdout)")
        }

        try await Self.waitForHeadTime(chain, atLeast: payTime)
        let claim = try await chain.send(from: 2, to: SystemAddress.dividends, data: try DividendsInterface.claimDividend.encodeCall([.uint(UInt256(UInt64(1)))]))
        #expect(claim.succeeded, "\(claim.revertReason ?? "")")
        // Every holder but the claimant, genesis allocations (which have no Transfer log)
        // included: the node lists the holders (equity_getHolders).
        let paid = try await s.cli.run(["dividends", "pay", "--password-file", s.passwordFile])
        #expect(paid.status == 0, "\(paid.stdout)\(paid.stderr)")
        #expect(paid.stdout.contains("paid DIV-AAPL-1: pushed to \(holders.count - 1) holder(s); every holder of record is paid"), "\(paid.stdout)")
        let done = try await s.cli.run(["dividends", "pay", "--password-file", s.passwordFile])
        #expect(done.stdout.contains("nothing to do"), "\(done.stdout)")

        for h in holders {
            let after = try await Self.usdBalance(chain, cash, chain.accounts[h.index].address)
            let increase = after - (before[h.index] ?? 0)
            // The custodian (dev account 8) also received and spent the funding.
            if h.index != 8 { #expect(increase == expectedNet[h.index], "dev account \(h.index)") }
        }
        #expect(try await Self.usdBalance(chain, cash, SystemAddress.withholding) == withheldTotal)

        let shown = try await s.cli.run(["dividends", "show", "--json"])
        let receipts = try JSONParser.parse(Array(shown.stdout.utf8))
        guard case .array(let list) = receipts, case .object(let r)? = list.first else { Issue.record("dividends show: \(shown.stdout)"); return }
        #expect(r["state"] == .string("paid"))
        #expect(r["dividendId"] == .unsigned(1))
        #expect(r["funded"] == .string("1224"))

        let reconciled = try await s.cli.run(["reconcile"])
        #expect(reconciled.status == 0, "\(reconciled.stdout)")
    }

    /// SIGKILL right after the node accepted the declaration, before the bridge recorded it:
    /// the next run finds it declared (receipt, DividendDeclared log) and declares nothing more.
    @Test func sigkillBetweenSendingADeclarationAndRecordingItDeclaresOnce() async throws {
        let s = try await Setup(blockTimeMs: 250)
        #expect(try await s.cli.run(["mint", "--password-file", s.passwordFile]).status == 0)
        let received = try await s.cli.run(["dividends", "receive", "--reference", "DIV-AAPL-2", "--isin", "US0378331005", "--rate", "0.10",
                                            "--cash", "510", "--record-date", "2026-01-06", "--pay-date", "2026-01-06"])
        #expect(received.status == 0, "\(received.stderr)")
        // No chain times given and the custody dates past: recorded 15 minutes after the
        // head, paid an hour later; the resumed run keeps the times journaled before the crash.
        let head = try await s.chain.rpc.headTimestamp()
        let times = ["--password-file", s.passwordFile]
        let crashed = try await s.cli.start(["dividends", "declare"] + times,
                                            environment: [CrashPoint.variable: CrashPoint.declareSent.rawValue]).wait()
        #expect(crashed.status == SIGKILL)

        let resumed = try await s.cli.run(["dividends", "declare"] + times)
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(resumed.stdout.contains("resolved dividend-declare:DIV-AAPL-2"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("declared DIV-AAPL-2: dividend 1 on US0378331005"), "\(resumed.stdout)")
        let again = try await s.cli.run(["dividends", "declare"] + times)
        #expect(again.stdout.contains("nothing to do"), "\(again.stdout)")
        let count = try await s.chain.rpc.view(DividendsInterface.dividendCount, on: SystemAddress.dividends, [])
        #expect(try count[0].uint256().uint64 == 1)
        let head2 = try await s.chain.rpc.blockNumber()
        let declarations = try await s.chain.rpc.logs(addresses: [SystemAddress.dividends],
                                                      topics: [[DividendsInterface.dividendDeclaredEvent.topic]], blocks: 0...head2)
        #expect(declarations.count == 1)

        let shown = try await s.cli.run(["dividends", "show", "--json"])
        guard case .array(let list) = try JSONParser.parse(Array(shown.stdout.utf8)), case .object(let r)? = list.first,
              case .unsigned(let record)? = r["recordTime"], case .unsigned(let pay)? = r["payTime"] else {
            Issue.record("dividends show: \(shown.stdout)")
            return
        }
        #expect(record >= head + ReserveBridge.defaultRecordDelay && record <= head + ReserveBridge.defaultRecordDelay + 60, "record \(record), head \(head)")
        #expect(pay == record + ReserveBridge.defaultPayDelay)
    }
}
