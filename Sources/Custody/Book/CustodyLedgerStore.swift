/// Where a `CustodyLedger` keeps what it has accepted, so that a restart rebuilds
/// the same book and statements. The bridge implements it on RocksDB; this module
/// ships `InMemoryCustodyLedgerStore`.
///
/// Each call is one durable step: when it returns, what it wrote survives a crash;
/// when it throws, nothing of it was written. The ledger calls it only with what it
/// has already checked, and replays what it loads through the same checks.
public protocol CustodyLedgerStore {
    /// Stores `movement` after those already stored. A movement whose reference is
    /// already stored is left as it is (the ledger never sends a different one).
    mutating func appendMovement(_ movement: Movement) throws

    /// Every stored movement, in the order appended.
    func loadMovements() throws -> [Movement]

    /// The stored movements of one account, in the order appended.
    func loadMovements(account: SafekeepingAccount) throws -> [Movement]

    /// Records that the book has settled every movement dated on or before `date`.
    mutating func recordSettlement(through date: SettlementDate) throws

    /// The date of the last `recordSettlement`, nil if none.
    func loadSettledThrough() throws -> SettlementDate?

    /// Stores the pages of one imported statement file, all or none.
    mutating func appendStatementPages(_ pages: [StatementPage]) throws

    /// Every stored statement page, in the order appended.
    func loadStatementPages() throws -> [StatementPage]
}

extension CustodyLedgerStore {
    /// Filters `loadMovements()`; a store with an account index may do better.
    public func loadMovements(account: SafekeepingAccount) throws -> [Movement] {
        try loadMovements().filter { $0.account == account }
    }
}
