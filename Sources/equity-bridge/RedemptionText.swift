import Bridge

/// The lines `redemptions` and `run` print.
enum RedemptionText {
    static func describe(_ report: RedemptionReport) -> String {
        var lines = report.booked.map { m in
            "booked \(m.reference): \(m.kind.rawValue) \(m.quantity) \(m.isin) to \(m.counterparty ?? "?"), trade \(m.tradeDate), settles \(m.settlementDate)"
        }
        lines += report.skipped.map { "skipped redemption \($0.id): \($0.reason)" }
        lines.append("followed to block \(report.cursor.nextBlock == 0 ? 0 : report.cursor.nextBlock - 1); last redemption id \(report.cursor.lastId)")
        return lines.joined(separator: "\n")
    }
}
