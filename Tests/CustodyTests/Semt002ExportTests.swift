import Testing
@testable import Custody

@Suite("semt.002 export")
struct Semt002ExportTests {
    typealias F = Fixtures

    @Test func bookStatementRoundTrips() throws {
        var book = CustodyBook(reserveAccount: F.reserve, calendar: F.nyse2026)
        try book.record(F.movement("DWAC-1", .dwacDeposit, "100", trade: "2026-11-25", settle: "2026-11-25"))
        try book.record(F.movement("DWAC-2", .dwacDeposit, isin: F.nvda, "40.125", trade: "2026-11-25", settle: "2026-11-25"))
        try book.settle(asOf: F.date("2026-11-25"))
        try book.record(F.movement("WDR-1", .dwacWithdrawal, "40", trade: "2026-11-27", settle: "2026-11-30"))
        let statement = book.holdingStatement(account: F.reserve, id: "BOOK-RSV01-20261127", asOf: F.date("2026-11-27"),
                                              owner: .bic("EQCHUS33XXX"))
        let xml = try Semt002Writer.write(statement)
        #expect(xml.contains("xmlns=\"urn:iso:std:iso:20022:tech:xsd:semt.002.001.12\""))
        var register = StatementRegister()
        guard case .applied(let readBack) = try register.receive(try StatementImporter.pages(from: xml)).first else {
            Issue.record("not applied"); return
        }
        #expect(readBack == statement)
    }

    @Test(arguments: Semt002Version.allCases)
    func importedStatementRoundTrips(version: Semt002Version) throws {
        var register = StatementRegister()
        _ = try register.receive(try StatementImporter.pages(from: try F.sample("semt002-v12-page1-of-2.xml")))
        guard case .applied(let original) = try register.receive(try StatementImporter.pages(from: try F.sample("semt002-v12-page2-of-2.xml"))).first else {
            Issue.record("not applied"); return
        }
        let xml = try Semt002Writer.write(original, version: version)
        let page = try #require(try StatementImporter.pages(from: xml).first)
        #expect(page.format == .semt002(version: version.rawValue))
        var again = StatementRegister()
        guard case .applied(let readBack) = try again.receive([page]).first else { Issue.record("not applied"); return }
        // One page instead of two; everything else identical.
        #expect(readBack.pageCount == 1)
        #expect(readBack == HoldingStatement(id: original.id, owner: original.owner, asOf: original.asOf, update: original.update,
                                             pageCount: 1, holdings: original.holdings, subAccounts: original.subAccounts))
    }

    @Test func escapesTextAndRefusesWhatTheSchemaCannotHold() throws {
        let odd = HoldingStatement(id: "A&B<1>", asOf: F.date("2026-11-27"), update: .complete,
                                   holdings: AccountHoldings(account: F.account("R&D \"1\""), balances: [:]))
        let xml = try Semt002Writer.write(odd)
        #expect(xml.contains("<StmtId>A&amp;B&lt;1&gt;</StmtId>"))
        let page = try #require(try StatementImporter.pages(from: xml).first)
        #expect(page.account.id == "R&D \"1\"")

        let tooFine = HoldingStatement(id: "X", asOf: F.date("2026-11-27"), update: .complete,
                                       holdings: AccountHoldings(account: F.reserve, balances: [F.aapl: try HoldingBalance(aggregate: Quantity(raw: 1))]))
        #expect(throws: Semt002Writer.Failure.quantityNotRepresentable(Quantity(raw: 1))) { try Semt002Writer.write(tooFine) }
        let longId = HoldingStatement(id: String(repeating: "9", count: 36), asOf: F.date("2026-11-27"), update: .complete,
                                      holdings: AccountHoldings(account: F.reserve, balances: [:]))
        #expect(throws: Semt002Writer.Failure.self) { try Semt002Writer.write(longId) }
    }
}
