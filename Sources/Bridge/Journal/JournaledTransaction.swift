/// One custodian transaction other than a mint (an attestation, a dividend's USD mint or
/// declaration) in the bridge's journal: written with its signed bytes before it is sent,
/// updated when its outcome is known, so a crash between sending and recording never
/// sends a second, different transaction for the same purpose (see `TransactionJournal`).
public struct JournaledTransaction: Codable, Sendable, Equatable {
    /// Where the transaction stands.
    public enum State: String, Codable, Sendable {
        /// Written; it may or may not have reached the node.
        case open
        /// Committed and succeeded.
        case done
        /// Reverted, refused by the node, or its nonce taken by another transaction.
        case failed
    }

    /// What it is for, e.g. `attest:0x4141…` or `dividend-declare:DIV-1`; one record per key.
    public var key: String
    public var nonce: UInt64
    /// Hex of the transaction hash.
    public var transactionHash: String
    /// Hex of the signed raw transaction: resent as is, same nonce, same hash.
    public var rawTransaction: String
    public var state: State
    /// The block it committed in (done, or failed by revert).
    public var blockNumber: UInt64?
    /// Why it failed.
    public var detail: String?

    public init(key: String, nonce: UInt64, transactionHash: String, rawTransaction: String, state: State,
                blockNumber: UInt64? = nil, detail: String? = nil) {
        self.key = key
        self.nonce = nonce
        self.transactionHash = transactionHash
        self.rawTransaction = rawTransaction
        self.state = state
        self.blockNumber = blockNumber
        self.detail = detail
    }
}
