/// Whether a statement is complete or carries changes only (ISO 20022 `UpdTp/Cd`,
/// SWIFT `:22F::CODE//`).
public enum StatementUpdateType: String, Hashable, Sendable, Codable {
    /// `COMP`: every holding of the account; replaces the previous statement.
    case complete = "COMP"
    /// `DELT`: only the holdings that changed since the previous statement, each with
    /// its new balance; a holding reported at zero is gone.
    case delta = "DELT"
}
