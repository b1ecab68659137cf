/// Why a transfer may not happen, in the manner of ERC-1404: a code a contract or
/// wallet can branch on, and a message a person can act on.
public enum TransferRestriction: UInt8, Sendable, CaseIterable {
    case none = 0
    case chainPaused = 1
    case tokenPaused = 2
    case senderFrozen = 3
    case recipientFrozen = 4
    case senderNotVerified = 5
    case recipientNotVerified = 6
    case senderVerificationExpired = 7
    case recipientVerificationExpired = 8
    case recipientCountryNotAllowed = 9
    case insufficientBalance = 10
    case amountFrozen = 11
    case recipientIsZeroAddress = 12
    case unknownToken = 13
    case amountEscrowed = 14

    /// The reason, as refused transfers revert with it.
    public var message: String {
        switch self {
        case .none: return "transfer allowed"
        case .chainPaused: return "transfers are paused on this chain"
        case .tokenPaused: return "transfers of this token are paused"
        case .senderFrozen: return "sender's position in this token is frozen"
        case .recipientFrozen: return "recipient's position in this token is frozen"
        case .senderNotVerified: return "sender is not a verified investor"
        case .recipientNotVerified: return "recipient is not a verified investor"
        case .senderVerificationExpired: return "sender's identity verification has expired"
        case .recipientVerificationExpired: return "recipient's identity verification has expired"
        case .recipientCountryNotAllowed: return "recipient's country may not hold this token"
        case .insufficientBalance: return "insufficient balance"
        case .amountFrozen: return "amount exceeds the unfrozen balance"
        case .recipientIsZeroAddress: return "transfer to the zero address"
        case .unknownToken: return "no token at this address"
        case .amountEscrowed: return "amount exceeds the balance not escrowed in open exchange orders (cancel orders to free it)"
        }
    }
}
