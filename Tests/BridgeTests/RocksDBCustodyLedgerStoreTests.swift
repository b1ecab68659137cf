import Custody
import Foundation
import Testing
@testable import Bridge

@Suite("RocksDB custody ledger store")
struct RocksDBCustodyLedgerStoreTests {
    static let reserve = try! SafekeepingAccount("RSV-OMNIBUS-01")
    static let customer = try! SafekeepingAccount("CUST-4471")
    static let aapl = try! ISIN("US0378331005")
    static let calendar = XNYSSettlementCalendar()

    static func date(_ text: String) throws -> SettlementDate { try SettlementDate(parsing: text) }

    static func deposit(_ reference: String, shares: UInt64, on day: String, wallet: String? = nil) throws -> Movement {
        Movement(reference: reference, kind: .dwacDeposit, account: reserve, isin: aapl, quantity: Quantity(whole: shares)!,
                 tradeDate: try date(day), settlementDate: try date(day), chainAddress: try wallet.map { try WalletAddress($0) })
    }

    static let statement = """
        statement_id,account,as_of,update_type,isin,aggregate,chain_address
        S-1,RSV-OMNIBUS-01,2026-11-20,COMP,US0378331005,100,0x70997970C51812dc3A010C7d01b50e0d17dc79C8
        """

    @Test func bookAndStatementsSurviveReopening() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("db")
        let withdrawal = Movement(reference: "RDM-1", kind: .dwacWithdrawal, account: Self.reserve, isin: Self.aapl,
                                  quantity: Quantity(whole: 40)!, tradeDate: try Self.date("2026-11-20"),
                                  settlementDate: try Self.date("2026-11-23"), counterparty: "BRK-7001")
        do {
            let database = try BridgeDatabase(path: path)
            var ledger = try CustodyLedger(store: RocksDBCustodyLedgerStore(database: database), reserveAccount: Self.reserve, calendar: Self.calendar)
            try ledger.record(try Self.deposit("DEP-1", shares: 100, on: "2026-11-19", wallet: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"))
            try ledger.settle(asOf: try Self.date("2026-11-20"))
            try ledger.record(withdrawal)
            _ = try ledger.importStatementFile(Array(Self.statement.utf8))
            database.close()
        }
        let reopened = try BridgeDatabase(path: path)
        defer { reopened.close() }
        let ledger = try CustodyLedger(store: RocksDBCustodyLedgerStore(database: reopened), reserveAccount: Self.reserve, calendar: Self.calendar)
        #expect(ledger.book.movements().map(\.reference) == ["DEP-1", "RDM-1"])
        #expect(ledger.book.settledThrough == (try Self.date("2026-11-20")))
        #expect(ledger.book.settledReserve[Self.aapl] == Quantity(whole: 100))
        #expect(ledger.book.withdrawalsInFlight == [withdrawal])
        #expect(ledger.book.reserveDepositsToMint.map(\.reference) == ["DEP-1"])
        #expect(ledger.statements.current[Self.reserve]?.id == "S-1")
        #expect(try RocksDBCustodyLedgerStore(database: reopened).loadStatementPages().count == 1)
    }

    @Test func aMovementIsStoredOncePerReference() throws {
        let dir = try TemporaryDirectory()
        let database = try BridgeDatabase(path: dir.path("db"))
        defer { database.close() }
        var store = RocksDBCustodyLedgerStore(database: database)
        let first = try Self.deposit("DEP-1", shares: 100, on: "2026-11-19")
        try store.appendMovement(first)
        try store.appendMovement(first)
        // The store keeps the first movement of a reference, whatever comes later under it.
        try store.appendMovement(try Self.deposit("DEP-1", shares: 7, on: "2026-11-19"))
        try store.appendMovement(try Self.deposit("DEP-2", shares: 5, on: "2026-11-19"))
        #expect(try store.loadMovements() == [first, try Self.deposit("DEP-2", shares: 5, on: "2026-11-19")])

        var ledger = try CustodyLedger(store: store, reserveAccount: Self.reserve, calendar: Self.calendar)
        #expect(try ledger.record(first) == false)
        #expect(throws: CustodyLedgerError.self) { try ledger.record(try Self.deposit("DEP-1", shares: 101, on: "2026-11-19")) }
        #expect(try RocksDBCustodyLedgerStore(database: database).loadMovements().count == 2)
    }

    @Test func aRefusedStatementStoresNothing() throws {
        let dir = try TemporaryDirectory()
        let database = try BridgeDatabase(path: dir.path("db"))
        defer { database.close() }
        var ledger = try CustodyLedger(store: RocksDBCustodyLedgerStore(database: database), reserveAccount: Self.reserve, calendar: Self.calendar)
        let malformed = Self.statement.replacingOccurrences(of: ",100,", with: ",twelve,")
        #expect(throws: CustodyLedgerError.self) { _ = try ledger.importStatementFile(Array(malformed.utf8)) }
        #expect(try RocksDBCustodyLedgerStore(database: database).loadStatementPages().isEmpty)
    }

    @Test func aSecondProcessCannotOpenTheSameDatabase() throws {
        let dir = try TemporaryDirectory()
        let database = try BridgeDatabase(path: dir.path("db"))
        defer { database.close() }
        #expect(throws: BridgeStorageError.self) { _ = try BridgeDatabase(path: dir.path("db")) }
    }
}
