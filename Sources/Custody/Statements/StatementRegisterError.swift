/// Why the statement register refused the pages of a file. The register is unchanged.
public enum StatementRegisterError: Error, Equatable, Sendable, CustomStringConvertible {
    case conflictingPage(statementId: String, page: Int)
    case pageBeyondLast(statementId: String, page: Int, lastPage: Int)
    case twoLastPages(statementId: String, first: Int, second: Int)
    case pagesDisagree(statementId: String, page: Int, field: String)
    case duplicateISINAcrossPages(statementId: String, isin: ISIN, account: SafekeepingAccount)
    case conflictingStatement(statementId: String, account: SafekeepingAccount)
    case deltaWithoutComplete(statementId: String, account: SafekeepingAccount)
    case olderThanCurrent(statementId: String, asOf: SettlementDate, current: String, currentAsOf: SettlementDate)

    public var description: String {
        switch self {
        case .conflictingPage(let id, let p):
            return "statement \(id) page \(p) was already received with different content; a corrected statement needs a new statement id"
        case .pageBeyondLast(let id, let p, let last):
            return "statement \(id): page \(p) is beyond its last page \(last)"
        case .twoLastPages(let id, let a, let b):
            return "statement \(id): pages \(a) and \(b) both say they are the last page"
        case .pagesDisagree(let id, let p, let field):
            return "statement \(id): page \(p) has a different \(field) from the statement's other pages"
        case .duplicateISINAcrossPages(let id, let isin, let account):
            return "statement \(id): \(isin) is reported for account \(account) on two pages"
        case .conflictingStatement(let id, let account):
            return "statement \(id) of account \(account) was already imported with different content; a corrected statement needs a new statement id"
        case .deltaWithoutComplete(let id, let account):
            return "statement \(id) is a delta (DELT) but no complete (COMP) statement of account \(account) has been imported to apply it to; import the last complete statement first"
        case .olderThanCurrent(let id, let asOf, let current, let currentAsOf):
            return "statement \(id) as of \(asOf) is older than statement \(current) as of \(currentAsOf), already applied to the account"
        }
    }
}
