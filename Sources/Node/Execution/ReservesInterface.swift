/// The proof-of-reserve system contract at `SystemAddress.reserves` (documented in
/// docs/abi.md and docs/api.md): the latest custodian-signed `ReserveAttestation` per
/// share token. Anyone may post an attestation (the custodian or a relayer); the
/// custodian's EIP-712 signature, not the sender, is what makes it acceptable.
public enum ReservesInterface {
    /// `attest(address asset, string isin, string statementId, bytes32 statementSha256,
    /// uint256 settledReserve, uint256 onChainSupply, uint64 timestamp, bytes signature) returns (bool)`;
    /// `signature` is the 65-byte r ‖ s ‖ v of `ReserveAttestation.signingDigest`.
    public static let attest = ABIFunction(
        name: "attest",
        inputs: [.address, .string, .string, .fixedBytes(32), .uint256, .uint256, .uint(64), .bytes],
        outputs: [.bool])

    /// `latestAttestation(address asset) returns (string isin, string statementId,
    /// bytes32 statementSha256, uint256 settledReserve, uint256 onChainSupply, uint64 timestamp,
    /// bytes signature, address signer, uint64 blockNumber)`; reverts when the asset has none.
    public static let latestAttestation = ABIFunction(
        name: "latestAttestation", inputs: [.address],
        outputs: [.string, .string, .fixedBytes(32), .uint256, .uint256, .uint(64), .bytes, .address, .uint(64)])

    /// `ReserveAttested(address indexed asset, address indexed signer, string isin, string statementId,
    /// bytes32 statementSha256, uint256 settledReserve, uint256 onChainSupply, uint64 timestamp)`.
    public static let reserveAttestedEvent = ABIEvent(name: "ReserveAttested", parameters: [
        .init(.address, indexed: true), .init(.address, indexed: true), .init(.string), .init(.string),
        .init(.fixedBytes(32)), .init(.uint256), .init(.uint256), .init(.uint(64)),
    ])

    /// How far an attestation's timestamp may lie after the block's: custodian and
    /// sequencer clocks differ a little, but an attestation dated far ahead would block
    /// every later one (timestamps only move forward per asset).
    public static let maximumClockSkew: UInt64 = 300

    /// The calldata of `attest` for a signed attestation.
    public static func attestCalldata(_ attestation: ReserveAttestation, signature: Secp256k1.RecoverableSignature) -> [UInt8] {
        let a = attestation
        // The values match the declared input types, so encoding cannot fail.
        return try! attest.encodeCall([
            .address(a.asset), .string(a.isin), .string(a.statementId), .fixedBytes(a.statementSHA256.bytes),
            .amount(a.settledReserve), .amount(a.onChainSupply), .uint(UInt256(a.timestamp)), .bytes(signature.bytes65),
        ])
    }

    /// Reads `attest` calldata back into the attestation and its signature; anything a
    /// strict ABI decoder refuses, an amount beyond 128 bits or a signature that is not
    /// 65 bytes with v 27/28 (or 0/1) is a `Revert` naming the argument.
    public static func decodeAttest(_ data: [UInt8]) throws(Revert) -> (attestation: ReserveAttestation, signature: Secp256k1.RecoverableSignature) {
        let a = try CallArguments(attest, calldata: data)
        let attestation = ReserveAttestation(
            asset: try a.address(0), isin: try a.string(1), statementId: try a.string(2), statementSHA256: try a.bytes32(3),
            settledReserve: try a.amount(4), onChainSupply: try a.amount(5), timestamp: try a.uint64(6))
        let signatureBytes = try a.bytes(7)
        let signature: Secp256k1.RecoverableSignature
        do { signature = try Secp256k1.RecoverableSignature(bytes65: signatureBytes) } catch {
            throw Revert("argument 7 of \(attest.signature): \(error.description)")
        }
        return (attestation, signature)
    }

    /// Executes a call to the reserves contract.
    static func execute(_ state: inout WorldState, sender: Address, data: [UInt8], block: BlockContext) throws(Revert) -> CallResult {
        guard let selector = ABISelector(calldata: data) else { throw Revert("calldata shorter than a selector") }
        switch selector {
        case attest.selector:
            let (attestation, signature) = try decodeAttest(data)
            let events = try state.attestReserves(attestation, signature: signature, poster: sender, block: block)
            // The output matches the declared type.
            return CallResult(output: try! attest.encodeOutput([.bool(true)]), events: events)
        case latestAttestation.selector:
            let a = try CallArguments(latestAttestation, calldata: data)
            let asset = try a.address(0)
            guard let posted = state.reserveAttestations[asset] else { throw Revert("no reserve attestation for asset \(asset)") }
            let r = posted.attestation
            return CallResult(output: try! latestAttestation.encodeOutput([
                .string(r.isin), .string(r.statementId), .fixedBytes(r.statementSHA256.bytes), .amount(r.settledReserve),
                .amount(r.onChainSupply), .uint(UInt256(r.timestamp)), .bytes(posted.signature.bytes65),
                .address(posted.signer), .uint(UInt256(posted.blockNumber)),
            ]))
        default:
            throw Revert("unknown function selector \(selector) for the reserves contract")
        }
    }
}
