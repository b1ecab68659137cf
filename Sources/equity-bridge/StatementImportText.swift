import Bridge
import Custody

/// The lines `custody import` and `run` print for an imported file.
enum StatementImportText {
    static func describe(_ result: StatementImportResult) -> String {
        var lines = ["\(result.path):"]
        for outcome in result.outcomes {
            switch outcome {
            case .applied(let s):
                lines.append("  statement \(s.id) of \(s.account) as of \(s.asOf) (\(s.update.rawValue), \(s.pageCount) page(s)) applied")
            case .held(let id, let account, let pages, let last):
                lines.append("  statement \(id) of \(account): held, pages \(pages.map(String.init).joined(separator: ",")) of \(last.map(String.init) ?? "?")")
            case .duplicate(let id, let page):
                lines.append("  statement \(id) page \(page): already imported")
            }
        }
        for m in result.settled { lines.append("  settled \(m.reference): \(m.kind.rawValue) \(m.quantity) \(m.isin)") }
        for m in result.booked {
            let wallet = m.chainAddress.map { " to mint to \($0)" } ?? ""
            lines.append("  booked \(m.reference): \(m.kind.rawValue) \(m.quantity) \(m.isin)\(wallet)")
        }
        return lines.joined(separator: "\n")
    }
}
