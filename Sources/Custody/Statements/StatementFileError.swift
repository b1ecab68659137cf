/// Why a statement file was refused, and where. Nothing of a refused file is imported.
public struct StatementFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let format: StatementFormat?
    public let location: StatementLocation
    public let problem: Problem

    public init(format: StatementFormat?, location: StatementLocation, problem: Problem) {
        self.format = format
        self.location = location
        self.problem = problem
    }

    /// What is wrong at the location.
    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        case notUTF8
        case unknownFormat
        case syntax(String)
        case truncated(String)
        case wrongNamespace(found: String)
        case missing(String)
        case unexpected(String)
        case badISIN(String, ISIN.ParseError)
        case badQuantity(Quantity.Failure)
        case unsupportedQuantity(String)
        case shortPosition
        case badBalances(HoldingBalance.Failure)
        case badDate(String)
        case badAccount(SafekeepingAccount.Failure)
        case badWallet(WalletAddress.Failure)
        case badPagination(String)
        case badCode(field: String, value: String, allowed: [String])
        case duplicateISIN(ISIN, account: SafekeepingAccount)
        case inconsistent(String)

        public var description: String {
            switch self {
            case .notUTF8: return "the file is not UTF-8 text"
            case .unknownFormat:
                return "not a recognised statement: expected semt.002 XML, an MT535 message or the custody CSV with its header row"
            case .syntax(let s): return s
            case .truncated(let s): return "the file is truncated: \(s)"
            case .wrongNamespace(let ns):
                return "namespace '\(ns)' is not semt.002.001.11 or .12 (urn:iso:std:iso:20022:tech:xsd:semt.002.001.11 / .12)"
            case .missing(let what): return "\(what) is missing"
            case .unexpected(let what): return "unexpected \(what)"
            case .badISIN(let text, let e): return "'\(text)' is not a valid ISIN: \(e)"
            case .badQuantity(let e): return "bad quantity: \(e)"
            case .unsupportedQuantity(let kind):
                return "quantity type \(kind) is not supported: holdings of shares are reported in units (Unit / UNIT)"
            case .shortPosition: return "a short balance cannot appear in a custody holding"
            case .badBalances(let e): return "inconsistent balances: \(e)"
            case .badDate(let t): return "'\(t)' is not a date"
            case .badAccount(let e): return e.description
            case .badWallet(let e): return e.description
            case .badPagination(let s): return "bad page information: \(s)"
            case .badCode(let f, let v, let allowed):
                return "\(f) '\(v)' is not one of \(allowed.joined(separator: ", "))"
            case .duplicateISIN(let isin, let account): return "\(isin) appears twice for account \(account) on one page"
            case .inconsistent(let s): return s
            }
        }
    }

    public var description: String {
        "\(format.map { "\($0) " } ?? "")statement refused at \(location): \(problem)"
    }
}
