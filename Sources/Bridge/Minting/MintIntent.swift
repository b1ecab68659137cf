import Custody
import Node

/// One mint in the bridge's journal. It is written, with the signed transaction,
/// before the transaction is sent; after a crash the open intent is resolved against
/// the chain (see `MintJournal`), so a mint is never sent twice under two nonces and
/// never forgotten.
public struct MintIntent: Codable, Sendable, Equatable {
    /// Where the intent stands.
    public enum State: String, Codable, Sendable {
        /// Written; the transaction may or may not have reached the node.
        case open
        /// The deposit id is minted on chain (by this transaction or, after a crash, found minted).
        case done
        /// The transaction failed or was refused; the deposit is not minted. A later
        /// `mint` starts a new attempt.
        case failed
    }

    /// Hex of the deposit id (`DepositId.of(reference:)`).
    public var depositId: String
    /// The custody movement's reference.
    public var reference: String
    public var isin: ISIN
    public var token: String
    public var recipient: String
    /// Shares minted (decimal text).
    public var shares: Quantity
    /// Raw token units minted (decimal text).
    public var amount: String
    public var nonce: UInt64
    /// Hex of the transaction hash.
    public var transactionHash: String
    /// Hex of the signed raw transaction: resent as is, same nonce, same hash.
    public var rawTransaction: String
    public var state: State
    /// 1 for the first transaction for this deposit, then 2, … after a failed attempt.
    public var attempt: Int
    /// The block the mint is in (done), or why it failed (failed).
    public var blockNumber: UInt64?
    public var detail: String?

    public init(depositId: String, reference: String, isin: ISIN, token: String, recipient: String, shares: Quantity,
                amount: String, nonce: UInt64, transactionHash: String, rawTransaction: String, state: State,
                attempt: Int, blockNumber: UInt64? = nil, detail: String? = nil) {
        self.depositId = depositId
        self.reference = reference
        self.isin = isin
        self.token = token
        self.recipient = recipient
        self.shares = shares
        self.amount = amount
        self.nonce = nonce
        self.transactionHash = transactionHash
        self.rawTransaction = rawTransaction
        self.state = state
        self.attempt = attempt
        self.blockNumber = blockNumber
        self.detail = detail
    }
}
