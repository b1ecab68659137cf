import Testing
@testable import Custody

@Suite("Custody CSV import")
struct StatementCSVImportTests {
    typealias F = Fixtures

    @Test func sampleFileHoldsTwoStatements() throws {
        let pages = try StatementImporter.pages(from: try F.sample("statement.csv"))
        #expect(pages.map(\.statementId) == ["CSV-20261127-RSV01", "CSV-20261127-C4471"])
        var register = StatementRegister()
        let outcomes = try register.receive(pages)
        guard case .applied(let reserve) = outcomes.first, case .applied(let joint) = outcomes.last else {
            Issue.record("not applied: \(outcomes)"); return
        }
        #expect(F.aggregates(reserve) == F.reserveOn20261127)
        #expect(reserve.holdings.wallet == F.wallet)
        #expect(reserve.holdings.balances[F.aapl] == (try HoldingBalance(aggregate: F.q("100"), available: F.q("100"), notAvailable: F.q("0"))))
        #expect(joint.account.id == "CUST 4471, JOINT")  // quoted field with a comma
        #expect(joint.holdings.balances[F.aapl]?.aggregate == F.q("0.25"))
    }

    @Test func rfc4180Quoting() throws {
        let text = "statement_id,account,as_of,isin,aggregate\r\n\"S\"\"1\",\"A\r\nB\",2026-11-27,US0378331005,1\r\n"
        let records = try CSVRecordReader.records(text)
        #expect(records.map(\.fields) == [["statement_id", "account", "as_of", "isin", "aggregate"],
                                          ["S\"1", "A\r\nB", "2026-11-27", "US0378331005", "1"]])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func pagesAcrossFilesAndOptionalColumns() throws {
        let page2 = """
            isin,aggregate,statement_id,account,as_of,page,last_page
            US88160R1014,7,S-9,RSV-OMNIBUS-01,2026-11-27,2,true
            """
        let page1 = """
            statement_id,account,as_of,page,last_page,isin,aggregate
            S-9,RSV-OMNIBUS-01,2026-11-27,1,false,US0378331005,100
            """
        var register = StatementRegister()
        #expect(try register.receive(try StatementImporter.pages(from: page2)).first ==
                .held(statementId: "S-9", account: F.reserve, receivedPages: [2], lastPage: 2))
        guard case .applied(let s) = try register.receive(try StatementImporter.pages(from: page1)).first else {
            Issue.record("not applied"); return
        }
        #expect(F.aggregates(s) == [F.reserve: [F.aapl: F.q("100"), F.tsla: F.q("7")]])
    }
}
