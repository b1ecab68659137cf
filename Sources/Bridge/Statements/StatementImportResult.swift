import Custody

/// What importing one statement file did.
public struct StatementImportResult: Sendable {
    public let path: String
    /// Per page: held (statement incomplete), applied or duplicate.
    public let outcomes: [StatementOutcome]
    /// Reserve movements booked to bring the book level with the statement: a rise is a
    /// receipt (a DWAC deposit to mint when the statement carries a chain address), a
    /// fall not explained by a settled withdrawal is a delivery.
    public let booked: [Movement]
    /// Movements the statement's date settled (withdrawals it shows complete).
    public let settled: [Movement]
}
