/// What a custody movement does to an account.
public enum MovementKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Shares received from a counterparty (DTC delivery, free or against payment).
    case receive
    /// Shares delivered to a counterparty.
    case deliver
    /// Shares deposited through DTC's Deposit/Withdrawal At Custodian (DWAC).
    case dwacDeposit = "dwac-deposit"
    /// Shares withdrawn through DWAC.
    case dwacWithdrawal = "dwac-withdrawal"
    /// Shares credited by a corporate action (stock dividend, split, spin-off).
    case corporateActionShares = "corporate-action-shares"
    /// A cash dividend received on a holding; the quantity is the cash amount.
    case cashDividend = "cash-dividend"

    /// Whether the movement adds shares to the account.
    public var isIncomingShares: Bool {
        switch self {
        case .receive, .dwacDeposit, .corporateActionShares: return true
        case .deliver, .dwacWithdrawal, .cashDividend: return false
        }
    }

    /// Whether the movement takes shares out of the account.
    public var isOutgoingShares: Bool { self == .deliver || self == .dwacWithdrawal }
}
