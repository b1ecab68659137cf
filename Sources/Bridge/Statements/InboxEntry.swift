/// One file `run` found in the inbox, and what became of it.
public struct InboxEntry: Sendable {
    public let name: String
    /// The import, when the file was accepted (moved to `inbox/imported/`).
    public let result: StatementImportResult?
    /// Why it was refused (moved to `inbox/refused/`, the reason beside it in `NAME.error`).
    public let refusal: String?
}
