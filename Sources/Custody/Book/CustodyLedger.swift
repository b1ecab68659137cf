/// The custody book and its imported statements, kept in a `CustodyLedgerStore`.
///
/// Every operation is checked on the in-memory values first, then written to the
/// store, then made current; a refusal or a store failure leaves both as they were.
/// Opening a ledger replays the store through the same checks.
public struct CustodyLedger<Store: CustodyLedgerStore> {
    public private(set) var book: CustodyBook
    public private(set) var statements: StatementRegister
    public private(set) var store: Store

    /// Opens the ledger kept in `store`.
    public init(store: Store, reserveAccount: SafekeepingAccount, calendar: any SettlementCalendar) throws(CustodyLedgerError) {
        var book = CustodyBook(reserveAccount: reserveAccount, calendar: calendar)
        var statements = StatementRegister()
        let movements: [Movement]
        let settledThrough: SettlementDate?
        let pages: [StatementPage]
        do {
            movements = try store.loadMovements()
            settledThrough = try store.loadSettledThrough()
            pages = try store.loadStatementPages()
        } catch { throw .store(String(describing: error)) }
        do {
            for m in movements { try book.record(m) }
            if let settledThrough { try book.settle(asOf: settledThrough) }
        } catch { throw .replay(error.description) }
        do {
            for page in pages { _ = try statements.receive([page]) }
        } catch { throw .replay(error.description) }
        self.book = book
        self.statements = statements
        self.store = store
    }

    /// Books a movement (see `CustodyBook.record`): false when it was already booked.
    @discardableResult
    public mutating func record(_ movement: Movement) throws(CustodyLedgerError) -> Bool {
        var next = book
        let isNew: Bool
        do { isNew = try next.record(movement) } catch { throw .book(error) }
        guard isNew else { return false }
        do { try store.appendMovement(movement) } catch { throw .store(String(describing: error)) }
        book = next
        return true
    }

    /// Settles what is due on or before `date` (see `CustodyBook.settle`).
    @discardableResult
    public mutating func settle(asOf date: SettlementDate) throws(CustodyLedgerError) -> [Movement] {
        if let through = book.settledThrough, date <= through { return [] }
        var next = book
        let settled: [Movement]
        do { settled = try next.settle(asOf: date) } catch { throw .book(error) }
        do { try store.recordSettlement(through: date) } catch { throw .store(String(describing: error)) }
        book = next
        return settled
    }

    /// Imports one statement file of any supported format: all of it, or nothing.
    public mutating func importStatementFile(_ bytes: [UInt8]) throws(CustodyLedgerError) -> [StatementOutcome] {
        let pages: [StatementPage]
        do { pages = try StatementImporter.pages(fromFile: bytes) } catch { throw .file(error) }
        var next = statements
        let outcomes: [StatementOutcome]
        do { outcomes = try next.receive(pages) } catch { throw .statements(error) }
        let fresh = zip(pages, outcomes).compactMap { page, outcome -> StatementPage? in
            if case .duplicate = outcome { return nil }
            return page
        }
        if !fresh.isEmpty {
            do { try store.appendStatementPages(fresh) } catch { throw .store(String(describing: error)) }
        }
        statements = next
        return outcomes
    }
}
