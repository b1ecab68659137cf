import Bridge

/// The lines `mint` and `run` print for a mint run.
enum MintText {
    static func describe(_ report: MintReport) -> String {
        var lines: [String] = []
        for i in report.resolved { lines.append("resolved \(i.reference) (nonce \(i.nonce)): \(i.state.rawValue)\(i.detail.map { " — \($0)" } ?? "")") }
        for i in report.minted {
            lines.append("minted \(i.shares) \(i.isin) to \(i.recipient) for \(i.reference) (deposit \(i.depositId), tx \(i.transactionHash), block \(i.blockNumber.map(String.init) ?? "?"))")
        }
        for i in report.foundMinted { lines.append("\(i.reference) was already minted on chain (block \(i.blockNumber.map(String.init) ?? "?")); recorded") }
        for r in report.refused { lines.append("refused \(r.reference): \(r.reason)") }
        for i in report.pending { lines.append("pending \(i.reference): tx \(i.transactionHash) sent, no receipt yet; the next run resolves it") }
        if lines.isEmpty { lines.append("nothing to mint") }
        return lines.joined(separator: "\n")
    }
}
