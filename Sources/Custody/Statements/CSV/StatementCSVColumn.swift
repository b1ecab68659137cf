/// The columns of the custody statement CSV (docs/custody.md). The header row names
/// them, in any order; each row is one holding.
public enum StatementCSVColumn: String, CaseIterable, Sendable {
    /// Statement id, the same on every row and page of a statement. Required.
    case statementId = "statement_id"
    /// The statement's safekeeping account. Required.
    case account
    /// Statement date, `YYYY-MM-DD`. Required.
    case asOf = "as_of"
    /// `COMP` (default) or `DELT`.
    case updateType = "update_type"
    /// Page number, default 1.
    case page
    /// `true` (default) or `false`.
    case lastPage = "last_page"
    /// A sub-account holding the row's security; empty for the statement's account.
    case subAccount = "sub_account"
    /// ISIN of the holding. Required.
    case isin
    /// Aggregate balance in shares, `.` decimals. Required.
    case aggregate
    /// Available balance, optional.
    case available
    /// Not available balance, optional.
    case notAvailable = "not_available"
    /// Chain wallet of the row's (sub-)account, optional.
    case chainAddress = "chain_address"

    /// The columns a header must have.
    public static let required: [StatementCSVColumn] = [.statementId, .account, .asOf, .isin, .aggregate]

    /// The header written by the custody CSV export and used in the docs.
    public static var header: String { allCases.map(\.rawValue).joined(separator: ",") }
}
