/// The reads behind `equity_getReserves`.
extension Chain {
    /// The latest reserve attestation of one share token, or of every share token that
    /// has one (ordered by symbol), each with its token, and the custodian role now.
    public func reserveAttestations(asset: Address? = nil)
        -> (custodian: Address, attestations: [(posted: PostedReserveAttestation, token: TokenState?)])
    {
        let posted: [PostedReserveAttestation]
        if let asset { posted = state.reserveAttestations[asset].map { [$0] } ?? [] } else {
            posted = Array(state.reserveAttestations.values)
        }
        let listed = posted.map { ($0, state.token($0.attestation.asset)) }.sorted { a, b in
            (a.1?.symbol ?? "", a.0.attestation.asset) < (b.1?.symbol ?? "", b.0.attestation.asset)
        }
        return (state.system.custodian, listed.map { (posted: $0.0, token: $0.1) })
    }
}
