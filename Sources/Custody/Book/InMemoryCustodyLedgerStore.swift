/// A `CustodyLedgerStore` in memory: for tests and for tools that read statements
/// without keeping them. Nothing survives the process.
public struct InMemoryCustodyLedgerStore: CustodyLedgerStore, Sendable, Equatable {
    private var movements: [Movement] = []
    private var references: Set<String> = []
    private var settledThrough: SettlementDate?
    private var pages: [StatementPage] = []

    public init() {}

    public mutating func appendMovement(_ movement: Movement) {
        guard references.insert(movement.reference).inserted else { return }
        movements.append(movement)
    }

    public func loadMovements() -> [Movement] { movements }

    public mutating func recordSettlement(through date: SettlementDate) { settledThrough = date }

    public func loadSettledThrough() -> SettlementDate? { settledThrough }

    public mutating func appendStatementPages(_ newPages: [StatementPage]) { pages += newPages }

    public func loadStatementPages() -> [StatementPage] { pages }
}
