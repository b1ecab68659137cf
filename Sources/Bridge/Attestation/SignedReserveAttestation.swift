import Node

/// A proof-of-reserve attestation with the custodian's EIP-712 signature for one chain:
/// what `equity-bridge attest` posts to the reserves contract and what anyone can check
/// against the chain's custodian role (docs/custody.md, "Proof of reserve").
public struct SignedReserveAttestation: Sendable, Equatable {
    public let attestation: ReserveAttestation
    /// The chain the signature is for (part of the signed EIP-712 domain).
    public let chainId: UInt64
    public let signature: Secp256k1.RecoverableSignature

    public init(attestation: ReserveAttestation, chainId: UInt64, signature: Secp256k1.RecoverableSignature) {
        self.attestation = attestation
        self.chainId = chainId
        self.signature = signature
    }

    /// Signs `attestation` for `chainId` with `key` (the custodian's).
    public init(signing attestation: ReserveAttestation, with key: Secp256k1.PrivateKey, chainId: UInt64) {
        self.init(attestation: attestation, chainId: chainId, signature: attestation.sign(with: key, chainId: chainId))
    }

    /// Reads `attest` calldata (as posted on chain) back, for a signature made for `chainId`.
    public init(attestCalldata data: [UInt8], chainId: UInt64) throws(ReserveAttestationError) {
        do {
            let (attestation, signature) = try ReservesInterface.decodeAttest(data)
            self.init(attestation: attestation, chainId: chainId, signature: signature)
        } catch { throw .malformedCalldata(error.reason) }
    }

    /// The EIP-712 digest that was signed.
    public var digest: Bytes32 { attestation.signingDigest(chainId: chainId) }

    /// The signature as wallets write it: 65 bytes, r ‖ s ‖ v with v 27 or 28.
    public var signatureBytes: [UInt8] { signature.bytes65 }

    /// The address the signature recovers to.
    public func signer() throws(ReserveAttestationError) -> Address {
        do { return try attestation.signer(of: signature, chainId: chainId) } catch { throw .invalidSignature(error.description) }
    }

    /// Checks that the custodian role `custodian` made the signature.
    public func verify(custodian: Address) throws(ReserveAttestationError) {
        let signer = try signer()
        guard signer == custodian else { throw .notSignedByCustodian(signer: signer, custodian: custodian) }
    }

    /// The calldata of the reserves contract's `attest`, to send to `SystemAddress.reserves`
    /// from any account (the signature, not the sender, proves the custodian).
    public var attestCalldata: [UInt8] { ReservesInterface.attestCalldata(attestation, signature: signature) }
}
