import Testing
import Foundation
@testable import Custody

@Suite("MT535 import")
struct MT535ImportTests {
    typealias F = Fixtures

    @Test func pageOneFields() throws {
        let page = try #require(try StatementImporter.pages(from: try F.sample("mt535-page1-of-2.fin")).first)
        #expect(page.format == .mt535)
        #expect(page.statementId == "047")
        #expect(page.pageReference == "RSV01-535-0047-1")
        #expect(page.number == 1 && !page.isLast)
        #expect(page.asOf == F.date("2026-11-27"))
        #expect(page.update == .complete)
        #expect(page.account == F.reserve)
        #expect(page.holdings.balances[F.aapl] == (try HoldingBalance(aggregate: F.q("100"), available: F.q("100"))))
        #expect(page.holdings.balances[F.msft] == (try HoldingBalance(aggregate: F.q("12.5"), available: F.q("10"), notAvailable: F.q("2.5"))))
    }

    @Test func twoPagesInAnyOrderMakeOneStatement() throws {
        let p1 = try StatementImporter.pages(from: try F.sample("mt535-page1-of-2.fin"))
        let p2 = try StatementImporter.pages(from: try F.sample("mt535-page2-of-2.fin"))
        var register = StatementRegister()
        #expect(try register.receive(p2) == [.held(statementId: "047", account: F.reserve, receivedPages: [2], lastPage: 2)])
        guard case .applied(let s) = try register.receive(p1).first else { Issue.record("not applied"); return }
        #expect(s.pageCount == 2)
        #expect(F.aggregates(s) == F.reserveOn20261127)
    }

    @Test func bothPagesInOneFile() throws {
        let text = try F.sample("mt535-page1-of-2.fin") + F.sample("mt535-page2-of-2.fin")
        let pages = try StatementImporter.pages(from: text)
        #expect(pages.map(\.number) == [1, 2])
        var register = StatementRegister()
        let outcomes = try register.receive(pages)
        #expect(outcomes.count == 2)
        guard case .applied(let s) = outcomes.last else { Issue.record("not applied"); return }
        #expect(F.aggregates(s) == F.reserveOn20261127)
    }

    @Test func bareBlockFourWithoutEnvelope() throws {
        let text = """
            :16R:GENL
            :28E:1/ONLY
            :20C::SEME//C4471-535-0001
            :23G:NEWM
            :98C::STAT//20261130163000
            :22F::CODE//DELT
            :97A::SAFE//CUST-4471
            :16S:GENL
            :16R:SUBSAFE
            :16R:FIN
            :35B:ISIN US0378331005
            :93B::AGGR//UNIT/0,25
            :16S:FIN
            :16S:SUBSAFE
            """
        let page = try #require(try StatementImporter.pages(from: text).first)
        #expect(page.statementId == "CUST-4471@20261130163000")
        #expect(page.update == .delta)
        #expect(page.isLast)
        #expect(page.holdings.balances[F.aapl]?.aggregate == F.q("0.25"))
    }

    @Test func aGapInThePagesHoldsTheStatement() throws {
        let page3 = try F.sample("mt535-page2-of-2.fin").replacingOccurrences(of: ":28E:2/LAST", with: ":28E:3/LAST")
        let pages = try StatementImporter.pages(from: try F.sample("mt535-page1-of-2.fin") + page3)
        var register = StatementRegister()
        let outcomes = try register.receive(pages)
        #expect(outcomes.last == .held(statementId: "047", account: F.reserve, receivedPages: [1, 3], lastPage: 3))
        #expect(register.current.isEmpty)
        #expect(register.heldStatements.map(\.pages) == [[1, 3]])
    }
}
