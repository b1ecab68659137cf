import Node

/// Why a reserve attestation cannot be built, read or verified.
public enum ReserveAttestationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The statement file could not be read.
    case statementUnreadable(path: String, reason: String)
    /// The statement file has no bytes: there is nothing to attest to.
    case statementEmpty(path: String)
    /// The statement id is empty or longer than the chain accepts.
    case invalidStatementId(String)
    /// The same ISIN or token address was given for two assets.
    case duplicateAsset(String)
    /// The signature is not a valid secp256k1 signature over the attestation.
    case invalidSignature(String)
    /// The signature is valid but made by another key than the custodian's.
    case notSignedByCustodian(signer: Address, custodian: Address)
    /// Bytes that are not `attest` calldata of the reserves contract.
    case malformedCalldata(String)

    public var description: String {
        switch self {
        case .statementUnreadable(let path, let reason): return "cannot read the statement file \(path): \(reason)"
        case .statementEmpty(let path): return "the statement file \(path) is empty"
        case .invalidStatementId(let id):
            return "statement id \"\(id)\" must be 1 to \(ReserveAttestation.maximumStatementIdBytes) bytes of UTF-8"
        case .duplicateAsset(let asset): return "asset \(asset) is listed twice; give each share token once"
        case .invalidSignature(let reason): return "the attestation signature is invalid: \(reason)"
        case .notSignedByCustodian(let signer, let custodian):
            return "the attestation is signed by \(signer), not by the custodian \(custodian)"
        case .malformedCalldata(let reason): return "not an attest call of the reserves contract: \(reason)"
        }
    }
}
