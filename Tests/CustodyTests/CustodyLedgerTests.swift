import Testing
import Foundation
@testable import Custody

@Suite("Custody ledger over its store")
struct CustodyLedgerTests {
    typealias F = Fixtures

    @Test func reopeningReplaysTheStore() throws {
        var ledger = try CustodyLedger(store: InMemoryCustodyLedgerStore(), reserveAccount: F.reserve, calendar: F.nyse2026)
        try ledger.record(F.movement("DWAC-1", .dwacDeposit, "100", trade: "2026-11-25", settle: "2026-11-27", chainAddress: F.wallet))
        try ledger.record(F.movement("RCV-C", .receive, account: F.customer, "3", trade: "2026-11-25", settle: "2026-11-27"))
        try ledger.settle(asOf: F.date("2026-11-27"))
        try ledger.record(F.movement("WDR-1", .dwacWithdrawal, "40", trade: "2026-11-27", settle: "2026-11-30"))
        _ = try ledger.importStatementFile(Array(try F.sample("semt002-v12-page1-of-2.xml").utf8))

        let reopened = try CustodyLedger(store: ledger.store, reserveAccount: F.reserve, calendar: F.nyse2026)
        #expect(reopened.book.movements() == ledger.book.movements())
        #expect(reopened.book.settledReserve == [F.aapl: F.q("100")])
        #expect(reopened.book.withdrawalsInFlight.map(\.reference) == ["WDR-1"])
        #expect(reopened.book.settledThrough == F.date("2026-11-27"))
        #expect(reopened.statements == ledger.statements)
        #expect(reopened.statements.heldStatements.map(\.pages) == [[1]])
        #expect(try ledger.store.loadMovements(account: F.customer).map(\.reference) == ["RCV-C"])
    }

    @Test func refusedOperationsLeaveBookAndStoreAsTheyWere() throws {
        var ledger = try CustodyLedger(store: InMemoryCustodyLedgerStore(), reserveAccount: F.reserve, calendar: F.nyse2026)
        try ledger.record(F.movement("DWAC-1", .dwacDeposit, "100", trade: "2026-11-25", settle: "2026-11-27"))
        let store = ledger.store
        #expect(throws: CustodyLedgerError.self) {
            try ledger.record(F.movement("DWAC-1", .dwacDeposit, "99", trade: "2026-11-25", settle: "2026-11-27"))
        }
        #expect(throws: CustodyLedgerError.self) {
            try ledger.importStatementFile(Array(try F.sample("semt002-v12-delta.xml").utf8))  // DELT before any COMP
        }
        #expect(ledger.store == store)
        #expect(ledger.statements == StatementRegister())
        #expect(try !ledger.record(F.movement("DWAC-1", .dwacDeposit, "100", trade: "2026-11-25", settle: "2026-11-27")))
        #expect(ledger.store == store)
    }

    @Test func duplicateFilesAreNotStoredTwice() throws {
        var ledger = try CustodyLedger(store: InMemoryCustodyLedgerStore(), reserveAccount: F.reserve, calendar: F.nyse2026)
        let file = Array(try F.sample("semt002-v11-single-page.xml").utf8)
        let first = try ledger.importStatementFile(file)
        let second = try ledger.importStatementFile(file)
        #expect(first.count == 1)
        #expect(second == [.duplicate(statementId: "SBC-20261125-RSV01", page: 1)])
        #expect(ledger.store.loadStatementPages().count == 1)
    }
}

@Suite("Codable forms a store keeps")
struct CustodyCodableTests {
    typealias F = Fixtures

    @Test func movementsAndPagesRoundTripThroughJSON() throws {
        let movement = F.movement("DWAC-1", .dwacDeposit, "12.5", trade: "2026-11-25", settle: "2026-11-27", chainAddress: F.wallet)
        let encoded = try JSONEncoder().encode(movement)
        #expect(String(decoding: encoded, as: UTF8.self).contains("\"quantity\":\"12.5\""))
        #expect(try JSONDecoder().decode(Movement.self, from: encoded) == movement)
        for name in ["semt002-v11-single-page.xml", "mt535-page2-of-2.fin", "statement.csv"] {
            for page in try StatementImporter.pages(from: try F.sample(name)) {
                #expect(try JSONDecoder().decode(StatementPage.self, from: try JSONEncoder().encode(page)) == page)
            }
        }
    }

    @Test func storedValuesAreCheckedWhenDecoded() {
        let bad = Data(#"{"reference":"X","kind":"receive","account":"RSV","isin":"US0378331006","quantity":"1","tradeDate":"2026-11-25","settlementDate":"2026-11-27"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Movement.self, from: bad) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Quantity.self, from: Data(#""-1""#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SettlementDate.self, from: Data(#""2026-02-30""#.utf8)) }
    }
}
