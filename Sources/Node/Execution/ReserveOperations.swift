/// What the reserves contract accepts: a custodian-signed attestation for a share
/// token, newer than the one it replaces.
extension WorldState {
    /// Keeps `attestation` as its asset's latest, after checking that `signature` is the
    /// custodian role's EIP-712 signature for this chain. `poster` (the transaction's
    /// sender) may be anyone.
    public mutating func attestReserves(
        _ attestation: ReserveAttestation, signature: Secp256k1.RecoverableSignature, poster: Address, block: BlockContext
    ) throws(Revert) -> [LedgerEvent] {
        let asset = attestation.asset
        guard let token = tokens[asset] else { throw Revert("asset \(asset) is not a token on this chain") }
        guard token.kind == .share else { throw Revert("asset \(asset) (\(token.symbol)) is not a share token") }
        guard attestation.isin == token.isin else {
            throw Revert("ISIN \(attestation.isin) does not match \(token.symbol)'s ISIN \(token.isin)")
        }
        let idLength = attestation.statementId.utf8.count
        guard idLength >= 1, idLength <= ReserveAttestation.maximumStatementIdBytes else {
            throw Revert("statement id must be 1 to \(ReserveAttestation.maximumStatementIdBytes) bytes")
        }
        let signer: Address
        do { signer = try attestation.signer(of: signature, chainId: block.chainId) } catch { throw Revert(error.description) }
        guard signer == system.custodian else {
            throw Revert("attestation is signed by \(signer), not by the custodian \(system.custodian)")
        }
        let skew = ReservesInterface.maximumClockSkew
        guard attestation.timestamp <= block.timestamp || attestation.timestamp - block.timestamp <= skew else {
            throw Revert("attestation timestamp \(attestation.timestamp) is more than \(skew) s after the block time \(block.timestamp)")
        }
        if let latest = reserveAttestations[asset], attestation.timestamp <= latest.attestation.timestamp {
            throw Revert("attestation timestamp \(attestation.timestamp) is not after \(token.symbol)'s latest attestation (\(latest.attestation.timestamp))")
        }
        setReserveAttestation(PostedReserveAttestation(
            attestation: attestation, signature: signature, signer: signer, poster: poster,
            blockNumber: block.number, blockTimestamp: block.timestamp))
        return [.reserveAttested(attestation, signer: signer)]
    }
}
