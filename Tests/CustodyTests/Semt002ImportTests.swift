import Testing
@testable import Custody

@Suite("semt.002 import")
struct Semt002ImportTests {
    typealias F = Fixtures

    func pages(_ name: String) throws -> [StatementPage] { try StatementImporter.pages(from: try F.sample(name)) }

    @Test func version11SinglePage() throws {
        let page = try #require(try pages("semt002-v11-single-page.xml").first)
        #expect(page.format == .semt002(version: 11))
        #expect(page.statementId == "SBC-20261125-RSV01")
        #expect(page.number == 1 && page.isLast)
        #expect(page.asOf == F.date("2026-11-25"))  // from DtTm, the date as written
        #expect(page.update == .complete)
        #expect(page.owner == .bic("EQCHUS33XXX"))
        #expect(page.account == F.reserve)
        #expect(page.holdings.wallet == F.wallet)
        #expect(page.holdings.balances[F.aapl] == (try HoldingBalance(aggregate: F.q("100"), available: F.q("100"))))
        #expect(page.holdings.balances[F.msft] == (try HoldingBalance(aggregate: F.q("12.5"), available: F.q("10"), notAvailable: F.q("2.5"))))
        #expect(page.subAccounts.map(\.account) == [F.pledge])
        #expect(page.subAccounts.first?.balances[F.nvda]?.aggregate == F.q("40.125"))

        var register = StatementRegister()
        let outcomes = try register.receive([page])
        guard case .applied(let statement) = outcomes.first else { Issue.record("not applied: \(outcomes)"); return }
        #expect(statement.pageCount == 1)
        #expect(register.current[F.reserve] == statement)
    }

    @Test func version12TwoPagesHeldUntilTheLastArrives() throws {
        var register = StatementRegister()
        let p1 = try pages("semt002-v12-page1-of-2.xml"), p2 = try pages("semt002-v12-page2-of-2.xml")
        #expect(p1.first?.format == .semt002(version: 12))
        #expect(try register.receive(p1) == [.held(statementId: "SBC-20261127-RSV01", account: F.reserve, receivedPages: [1], lastPage: nil)])
        #expect(register.current.isEmpty)
        #expect(register.heldStatements.map(\.statementId) == ["SBC-20261127-RSV01"])
        let outcomes = try register.receive(p2)
        guard case .applied(let s) = outcomes.first else { Issue.record("not applied: \(outcomes)"); return }
        #expect(s.pageCount == 2)
        #expect(F.aggregates(s) == F.reserveOn20261127)
        #expect(s.holdings.wallet == F.wallet)  // reported on page 1 only
        #expect(s.subAccounts.first?.wallet?.text == "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
        #expect(register.heldStatements.isEmpty)
    }

    @Test func pagesOutOfOrderAndDuplicatesGiveTheSameStatement() throws {
        let p1 = try pages("semt002-v12-page1-of-2.xml"), p2 = try pages("semt002-v12-page2-of-2.xml")
        var inOrder = StatementRegister()
        _ = try inOrder.receive(p1)
        _ = try inOrder.receive(p2)
        var reversed = StatementRegister()
        #expect(try reversed.receive(p2) == [.held(statementId: "SBC-20261127-RSV01", account: F.reserve, receivedPages: [2], lastPage: 2)])
        #expect(try reversed.receive(p2) == [.duplicate(statementId: "SBC-20261127-RSV01", page: 2)])
        _ = try reversed.receive(p1)
        #expect(try reversed.receive(p1) == [.duplicate(statementId: "SBC-20261127-RSV01", page: 1)])
        #expect(reversed.current == inOrder.current)
        #expect(reversed.history.count == 1)
    }

    @Test func deltaAppliesToThePreviousCompleteStatement() throws {
        var register = StatementRegister()
        _ = try register.receive(try pages("semt002-v12-page1-of-2.xml"))
        _ = try register.receive(try pages("semt002-v12-page2-of-2.xml"))
        let outcomes = try register.receive(try pages("semt002-v12-delta.xml"))
        guard case .applied(let delta) = outcomes.first else { Issue.record("not applied: \(outcomes)"); return }
        #expect(delta.update == .delta)
        let now = try #require(register.current[F.reserve])
        #expect(now.id == "SBC-20261130-RSV01-D1")
        #expect(now.asOf == F.date("2026-11-30"))
        #expect(F.aggregates(now) == [
            F.reserve: [F.aapl: F.q("60"), F.tsla: F.q("7"), F.spy: F.q("3")],  // AAPL changed, MSFT gone, TSLA untouched, SPY new
            F.pledge: [F.nvda: F.q("40.125")],
        ])
        #expect(now.holdings.wallet == F.wallet)  // kept from the complete statement
        #expect(register.history.map(\.update) == [.complete, .delta])
    }

    @Test func deltaWithoutCompleteIsRefused() throws {
        var register = StatementRegister()
        #expect(throws: StatementRegisterError.deltaWithoutComplete(statementId: "SBC-20261130-RSV01-D1", account: F.reserve)) {
            try register.receive(try pages("semt002-v12-delta.xml"))
        }
        #expect(register == StatementRegister())
    }

    @Test func olderStatementAfterNewerIsRefused() throws {
        var register = StatementRegister()
        _ = try register.receive(try pages("semt002-v12-page1-of-2.xml"))
        _ = try register.receive(try pages("semt002-v12-page2-of-2.xml"))
        let before = register
        #expect(throws: StatementRegisterError.olderThanCurrent(statementId: "SBC-20261125-RSV01", asOf: F.date("2026-11-25"),
                                                                current: "SBC-20261127-RSV01", currentAsOf: F.date("2026-11-27"))) {
            try register.receive(try pages("semt002-v11-single-page.xml"))
        }
        #expect(register == before)
    }
}
