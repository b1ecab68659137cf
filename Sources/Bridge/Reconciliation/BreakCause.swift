/// Why an asset's two sides of the reserve invariant likely differ.
public enum BreakCause: Hashable, Sendable, CustomStringConvertible {
    /// Settled deposits to the reserve with a chain address whose mint is not on chain
    /// yet: run `equity-bridge mint`.
    case unmintedDeposit(references: [String], shares: UInt128)
    /// Redemptions burned on chain with no custody withdrawal booked yet: run
    /// `equity-bridge redemptions`.
    case unprocessedRedemption(ids: [UInt64], shares: UInt128)
    /// The chain owes more shares than custody holds or is receiving.
    case overIssue(shares: UInt128)
    /// Custody holds more than the chain owes and nothing pending explains it (a receipt
    /// without a chain address, a custodian burn, a statement error).
    case unexplainedSurplus(shares: UInt128)
    /// Custody holds the ISIN but no share token on chain carries it.
    case noToken

    public var description: String {
        switch self {
        case .unmintedDeposit(let refs, let s):
            return "unminted deposit: \(ShareText.format(s)) shares in \(refs.joined(separator: ", ")) not minted yet (run `equity-bridge mint`)"
        case .unprocessedRedemption(let ids, let s):
            return "unprocessed redemption: \(ShareText.format(s)) shares burned in redemption \(ids.map(String.init).joined(separator: ", ")) with no custody withdrawal (run `equity-bridge redemptions`)"
        case .overIssue(let s):
            return "over-issue: the chain owes \(ShareText.format(s)) shares more than custody holds"
        case .unexplainedSurplus(let s):
            return "unexplained surplus: custody holds \(ShareText.format(s)) shares more than the chain owes"
        case .noToken:
            return "no share token on chain for this ISIN"
        }
    }

    /// A short machine name (`--json`).
    public var code: String {
        switch self {
        case .unmintedDeposit: return "unminted-deposit"
        case .unprocessedRedemption: return "unprocessed-redemption"
        case .overIssue: return "over-issue"
        case .unexplainedSurplus: return "unexplained-surplus"
        case .noToken: return "no-token"
        }
    }
}
