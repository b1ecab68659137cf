import Foundation
import Node
import Testing

/// `equity-bridge dividends receive` given bad confirmations: each a clear error, exit 2,
/// nothing booked (no node needed: receiving is custody-side only).
@Suite("equity-bridge dividends receive bad input")
struct DividendReceiptBadInputTests {
    static func receive(_ cli: BridgeCLI, reference: String = "DIV-1", rate: String = "0.50", cash: String = "2500",
                        record: String = "2026-01-05", pay: String = "2026-01-05", extra: [String] = []) async throws -> BridgeCLI.Result {
        try await cli.run(["dividends", "receive", "--reference", reference, "--isin", "US0378331005", "--rate", rate, "--cash", cash,
                           "--record-date", record, "--pay-date", pay] + extra)
    }

    static func receipts(_ cli: BridgeCLI) async throws -> [JSONValue] {
        let shown = try await cli.run(["dividends", "show", "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        guard case .array(let list) = try JSONParser.parse(Array(shown.stdout.utf8)) else { return [] }
        return list
    }

    @Test func badConfirmationsAreRefusedAndTheSameOneBooksOnce() async throws {
        let (scratch, cli) = try await BridgeCLIBadInputTests.initialised()
        let opening = try scratch.write("opening.csv", Statements.opening(asOf: "2026-01-05"))
        #expect(try await cli.run(["custody", "import", opening]).status == 0)

        let refusals: [(BridgeCLI.Result, String)] = [
            (try await Self.receive(cli, record: "2026-01-06", pay: "2026-01-06"),
             "the book is settled through 2026-01-05, not the record date 2026-01-06"),
            (try await Self.receive(cli, record: "2026-01-05", pay: "2026-01-02"), "the pay date 2026-01-02 is before the record date 2026-01-05"),
            (try await Self.receive(cli, extra: ["--currency", "EUR"]), "only USD receipts can be declared on chain"),
            (try await Self.receive(cli, rate: "0.5000001"), "--rate '0.5000001' is not a USD amount"),
            (try await Self.receive(cli, cash: "0"), "--cash '0' is not a USD amount: it must be more than zero"),
            (try await Self.receive(cli, cash: "2499.99"), "cash 2499.99 USD is not 0.50 USD × 5000 settled reserve shares at the record date = 2500 USD"),
            (try await Self.receive(cli, record: "2026-01-05", pay: "2026-01-10"), "2026-01-10"),
            (try await Self.receive(cli, record: "2026-13-01"), "--record-date '2026-13-01'"),
        ]
        for (result, message) in refusals {
            #expect(result.status == 2, "\(message): \(result.stdout)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(try await Self.receipts(cli).isEmpty)
        #expect(try await BridgeCLIBadInputTests.book(cli)["pending"] == .array([]))

        let booked = try await Self.receive(cli)
        #expect(booked.status == 0, "\(booked.stderr)")
        #expect(booked.stdout.contains("received DIV-1: 2500 USD on 5000 US0378331005 at 0.5 per share, record 2026-01-05, pay 2026-01-05"), "\(booked.stdout)")
        let again = try await Self.receive(cli)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already received DIV-1"))
        let other = try await Self.receive(cli, rate: "0.25", cash: "1250")
        #expect(other.status == 2)
        #expect(other.stderr.contains("receipt DIV-1 was booked before with other details"), "\(other.stderr)")

        let list = try await Self.receipts(cli)
        #expect(list.count == 1)
        guard case .object(let r)? = list.first else { return }
        #expect(r["state"] == .string("received"))
        #expect(r["cash"] == .string("2500"))
        #expect(r["reserveShares"] == .string("5000"))
        let book = try await BridgeCLIBadInputTests.book(cli)
        guard case .array(let movements)? = book["movements"] else { Issue.record("no movements"); return }
        #expect(movements.filter { if case .object(let m) = $0 { m["kind"] == .string("cash-dividend") } else { false } }.count == 1)
    }
}
