import Node

/// What one `attest` run did.
public struct AttestationReport: Sendable {
    /// The statement attested to: the reserve account's last applied statement.
    public var statementId: String
    /// SHA-256 of its file.
    public var statementSHA256: Bytes32
    /// The file hashed.
    public var statementPath: String
    /// The attestations' timestamp (Unix seconds).
    public var timestamp: UInt64
    /// Open journal records from an interrupted run and what became of them.
    public var resolved: [JournaledTransaction] = []
    /// Attestations posted in this run, with their transaction and whether `equity_getReserves`
    /// then showed them with `signerIsCustodian` true.
    public var posted: [(attestation: ReserveAttestation, transaction: JournaledTransaction, verified: Bool)] = []
    /// Assets whose latest attestation on chain already says the same (or is not older): not posted again.
    public var alreadyAttested: [(attestation: ReserveAttestation, latestTimestamp: UInt64)] = []
    /// Attestations refused by the node or reverted, with the reason.
    public var failed: [(attestation: ReserveAttestation, reason: String)] = []
    /// Sent without a receipt yet; the next run resolves them.
    public var pending: [JournaledTransaction] = []

    public init(statementId: String, statementSHA256: Bytes32, statementPath: String, timestamp: UInt64) {
        self.statementId = statementId
        self.statementSHA256 = statementSHA256
        self.statementPath = statementPath
        self.timestamp = timestamp
    }

    /// Everything attested and verified: nothing failed, pending or unverified.
    public var isComplete: Bool { failed.isEmpty && pending.isEmpty && posted.allSatisfy(\.verified) }
}
