/// A reserve attestation as the chain keeps it: the latest one accepted for its asset,
/// with the custodian's signature and where it was posted.
public struct PostedReserveAttestation: Sendable, Equatable {
    public var attestation: ReserveAttestation
    /// The custodian's EIP-712 signature.
    public var signature: Secp256k1.RecoverableSignature
    /// Who the signature recovered to when it was posted (the custodian role then).
    public var signer: Address
    /// The transaction's sender: the custodian itself or any relayer.
    public var poster: Address
    /// The block that accepted it, and that block's timestamp.
    public var blockNumber: UInt64
    public var blockTimestamp: UInt64

    public init(attestation: ReserveAttestation, signature: Secp256k1.RecoverableSignature, signer: Address,
                poster: Address, blockNumber: UInt64, blockTimestamp: UInt64) {
        self.attestation = attestation
        self.signature = signature
        self.signer = signer
        self.poster = poster
        self.blockNumber = blockNumber
        self.blockTimestamp = blockTimestamp
    }
}
