/// `equity_getReserves` (docs/api.md): the custodian's latest proof-of-reserve
/// attestation per share token, with everything a third party needs to check it.
extension NodeAPI {
    /// `equity_getReserves(asset?)`: without a parameter, every share token's latest
    /// attestation (tokens without one are left out); with a token address or an ISIN,
    /// that token's latest attestation or null.
    func reserves(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        guard let selector = try p.readOptional(0, RPCValue.string) else {
            let (custodian, list) = await chain.reserveAttestations()
            return .array(list.map { reserveObject($0.posted, token: $0.token, custodian: custodian) })
        }
        let asset = try await shareAsset(selector)
        let (custodian, list) = await chain.reserveAttestations(asset: asset)
        guard let first = list.first else { return .null }
        return reserveObject(first.posted, token: first.token, custodian: custodian)
    }

    /// The share token a parameter names: a 0x address or an ISIN.
    private func shareAsset(_ selector: String) async throws(RPCError) -> Address {
        let shares = await chain.tokens().filter { $0.token.kind == .share }
        if selector.hasPrefix("0x") || selector.hasPrefix("0X") {
            let address: Address
            do { address = try Address(hex: selector) } catch { throw .invalidParams("invalid argument 0: \(error.description)") }
            guard shares.contains(where: { $0.address == address }) else {
                throw .invalidParams("invalid argument 0: \(address) is not a share token")
            }
            return address
        }
        let isin = selector.uppercased()
        guard let match = shares.first(where: { $0.token.isin == isin }) else {
            throw .invalidParams("invalid argument 0: no share token has ISIN \(selector) (give a token address or an ISIN)")
        }
        return match.address
    }

    private func reserveObject(_ posted: PostedReserveAttestation, token: TokenState?, custodian: Address) -> JSONValue {
        let a = posted.attestation
        let chainId = chain.genesis.chainId
        // Recovered again rather than read from the record, so the answer shows what the
        // signature proves today.
        let signer = try? a.signer(of: posted.signature, chainId: chainId)
        return .object([
            "asset": .address(a.asset),
            "symbol": token.map { .string($0.symbol) } ?? .null,
            "isin": .string(a.isin),
            "statementId": .string(a.statementId),
            "statementSha256": .hash(a.statementSHA256),
            "settledReserve": .quantity(a.settledReserve),
            "settledReserveFormatted": .string(Amount.format(a.settledReserve, decimals: Amount.shareDecimals)),
            "onChainSupply": .quantity(a.onChainSupply),
            "onChainSupplyFormatted": .string(Amount.format(a.onChainSupply, decimals: Amount.shareDecimals)),
            "timestamp": .quantity(a.timestamp),
            "signature": .data(posted.signature.bytes65),
            "signer": signer.map(JSONValue.address) ?? .null,
            "custodian": .address(custodian),
            "signerIsCustodian": .bool(signer == custodian),
            "poster": .address(posted.poster),
            "blockNumber": .quantity(posted.blockNumber),
            "blockTimestamp": .quantity(posted.blockTimestamp),
            "digest": .hash(a.signingDigest(chainId: chainId)),
            "typedData": a.typedData(chainId: chainId),
        ])
    }
}
