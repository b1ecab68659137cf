import Bridge
import Node

/// The lines, table and JSON the `dividends` commands print.
enum DividendText {
    private static func usd(_ v: UInt64) -> String { Amount.format(UInt128(v), decimals: Amount.cashDecimals) }

    static func describe(_ r: DividendReport) -> String {
        var lines: [String] = []
        for t in r.resolved { lines.append("resolved \(t.key) (nonce \(t.nonce)): \(t.state.rawValue)\(t.detail.map { " — \($0)" } ?? "")") }
        for m in r.minted {
            lines.append(m.found ? "\(m.reference): USD already minted to the custodian" : "minted \(usd(m.amount)) USD to the custodian for \(m.reference)")
        }
        for d in r.declared {
            lines.append("declared \(d.reference): dividend \(d.dividendId.map(String.init) ?? "?") on \(d.isin) (\(d.token ?? "?")), \(usd(d.amountPerShare)) USD per share, funded \(d.funded.map(usd) ?? "?") USD, record time \(d.recordTime.map(String.init) ?? "?"), pay time \(d.payTime.map(String.init) ?? "?")")
        }
        for p in r.pushed {
            lines.append("paid \(p.reference): pushed to \(p.holders) holder(s)" + (p.fullyPaid ? "; every holder of record is paid"
                : "; holders of record are still unpaid (claims to come, or holders without a Transfer log: give them with --holder)"))
        }
        for n in r.notYetPayable { lines.append("\(n.reference): payable from time \(n.payTime)") }
        for f in r.refused { lines.append("refused \(f.reference): \(f.reason)") }
        for t in r.pending { lines.append("pending \(t.key): tx \(t.transactionHash) sent, no receipt yet; the next run resolves it") }
        if lines.isEmpty { lines.append("nothing to do") }
        return lines.joined(separator: "\n")
    }

    static func table(_ receipts: [DividendReceipt]) -> String {
        TextTable.render(
            header: ["REFERENCE", "ISIN", "RATE", "CASH", "RESERVE", "RECORD", "PAY", "STATE", "DIVIDEND", "RECORD TIME", "PAY TIME", "PUSHED"],
            rows: receipts.map { d in
                [d.reference, d.isin.code, usd(d.amountPerShare), usd(d.cash), d.reserveShares.formatted(), d.recordDate.iso8601, d.payDate.iso8601,
                 d.state, d.dividendId.map(String.init) ?? "-", d.recordTime.map(String.init) ?? "-", d.payTime.map(String.init) ?? "-",
                 String(d.pushedHolders)]
            })
    }

    static func json(_ receipts: [DividendReceipt]) -> String {
        var writer = JSONWriter()
        writer.write(.array(receipts.map { d in
            .object([
                "reference": .string(d.reference), "isin": .string(d.isin.code), "currency": .string(d.currency),
                "rate": .string(usd(d.amountPerShare)), "cash": .string(usd(d.cash)), "reserveShares": .string(d.reserveShares.formatted()),
                "recordDate": .string(d.recordDate.iso8601), "payDate": .string(d.payDate.iso8601), "state": .string(d.state),
                "token": d.token.map { .string($0) } ?? .null, "dividendId": d.dividendId.map { .unsigned($0) } ?? .null,
                "recordTime": d.recordTime.map { .unsigned($0) } ?? .null, "payTime": d.payTime.map { .unsigned($0) } ?? .null,
                "funded": d.funded.map { .string(usd($0)) } ?? .null, "pushedHolders": .unsigned(UInt64(d.pushedHolders)),
                "fullyPaid": .bool(d.fullyPaid),
            ])
        }))
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
