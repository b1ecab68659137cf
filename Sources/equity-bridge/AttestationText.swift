import Bridge
import Node

/// The lines and JSON `attest` prints.
enum AttestationText {
    private static func shares(_ v: UInt128) -> String { Amount.format(v, decimals: Amount.shareDecimals) }

    static func describe(_ r: AttestationReport) -> String {
        var lines = ["statement \(r.statementId) (\(r.statementPath), sha256 \(r.statementSHA256.hex)) at \(r.timestamp)"]
        for t in r.resolved { lines.append("resolved \(t.key) (nonce \(t.nonce)): \(t.state.rawValue)\(t.detail.map { " — \($0)" } ?? "")") }
        for p in r.posted {
            let a = p.attestation
            lines.append("attested \(a.isin) \(a.asset.checksummed): reserve \(shares(a.settledReserve)), supply \(shares(a.onChainSupply)) (tx \(p.transaction.transactionHash), block \(p.transaction.blockNumber.map(String.init) ?? "?"))\(p.verified ? ", signer is the custodian" : " — NOT shown by equity_getReserves as signed by the custodian")")
        }
        for a in r.alreadyAttested {
            lines.append("already attested \(a.attestation.isin) \(a.attestation.asset.checksummed): latest attestation at \(a.latestTimestamp)")
        }
        for f in r.failed { lines.append("failed \(f.attestation.isin) \(f.attestation.asset.checksummed): \(f.reason)") }
        for t in r.pending { lines.append("pending \(t.key): tx \(t.transactionHash) sent, no receipt yet; the next run resolves it") }
        return lines.joined(separator: "\n")
    }

    static func json(_ r: AttestationReport) -> String {
        func asset(_ a: ReserveAttestation, _ extra: [String: JSONValue]) -> JSONValue {
            .object([
                "asset": .string(a.asset.checksummed), "isin": .string(a.isin), "settledReserve": .string(shares(a.settledReserve)),
                "onChainSupply": .string(shares(a.onChainSupply)),
            ].merging(extra) { _, new in new })
        }
        var writer = JSONWriter()
        writer.write(.object([
            "statementId": .string(r.statementId), "statementSha256": .string(r.statementSHA256.hex),
            "statementPath": .string(r.statementPath), "timestamp": .unsigned(r.timestamp), "complete": .bool(r.isComplete),
            "attested": .array(r.posted.map { p in
                asset(p.attestation, ["transactionHash": .string(p.transaction.transactionHash),
                                      "blockNumber": p.transaction.blockNumber.map { .unsigned($0) } ?? .null, "verified": .bool(p.verified)])
            }),
            "alreadyAttested": .array(r.alreadyAttested.map { asset($0.attestation, ["latestTimestamp": .unsigned($0.latestTimestamp)]) }),
            "failed": .array(r.failed.map { asset($0.attestation, ["reason": .string($0.reason)]) }),
            "resolved": .array(r.resolved.map {
                .object(["key": .string($0.key), "transactionHash": .string($0.transactionHash), "state": .string($0.state.rawValue)])
            }),
            "pending": .array(r.pending.map { .object(["key": .string($0.key), "transactionHash": .string($0.transactionHash)]) }),
        ]))
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
