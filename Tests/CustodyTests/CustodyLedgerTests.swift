import Testing
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
