/// The party a statement reports to (`AcctOwnr/Id`): a BIC, or a proprietary
/// identifier with its issuer.
public enum AccountOwner: Hashable, Sendable, Codable, CustomStringConvertible {
    case bic(String)
    case proprietary(id: String, issuer: String)

    public var description: String {
        switch self {
        case .bic(let b): return b
        case .proprietary(let id, let issuer): return "\(id) (\(issuer))"
        }
    }
}
