import Foundation

/// Reads SWIFT MT535 statements of holdings: a file holds one message (block 4 text,
/// with or without the `{1:}{2:}{4:` … `-}` envelope) or several enveloped messages,
/// each one page.
///
/// Read: sequence A `GENL` (`:28E:` page/`MORE`|`LAST`|`ONLY`, `:13A::STAT//` or
/// `:13J::STAT//` statement number, `:20C::SEME//`, `:98A::STAT//` or `:98C::STAT//`,
/// `:22F::CODE//COMP|DELT`, `:97A::SAFE//`); each `SUBSAFE` (its own `:97A::SAFE//`
/// makes it a sub-account) with its `FIN` holdings (`:35B:ISIN …` plus description
/// lines, `:93B::AGGR//UNIT/`, `AVAI`, `NAVL` with decimal comma). Other fields and
/// subsequences are accepted and skipped.
public enum MT535Parser {
    /// Parses every page in `text`.
    public static func parse(_ text: String) throws(StatementFileError) -> [StatementPage] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var pages: [StatementPage] = []
        for block in try blocks(lines) {
            var reader = Reader(fields: try fields(block))
            pages.append(try reader.page())
        }
        guard !pages.isEmpty else {
            throw StatementFileError(format: .mt535, location: .wholeFile, problem: .missing("an MT535 message"))
        }
        return pages
    }

    private static func fail(_ line: Int, _ problem: StatementFileError.Problem) -> StatementFileError {
        StatementFileError(format: .mt535, location: .line(line), problem: problem)
    }

    /// The block 4 lines of each message, numbered from 1.
    private static func blocks(_ lines: [String]) throws(StatementFileError) -> [[(Int, String)]] {
        let numbered = lines.enumerated().map { ($0.offset + 1, $0.element) }
        let enveloped = lines.contains { $0.contains("{4:") }
        guard enveloped else {
            let body = numbered.filter { !$0.1.trimmingCharacters(in: .whitespaces).isEmpty }
            return body.isEmpty ? [] : [body]
        }
        var result: [[(Int, String)]] = []
        var current: [(Int, String)]?
        for (number, line) in numbered {
            if current == nil {
                if let start = line.range(of: "{4:") {
                    guard line.hasPrefix("{1:") else { throw fail(number, .syntax("a message starts with its basic header {1:")) }
                    let rest = String(line[start.upperBound...])
                    current = rest.isEmpty ? [] : [(number, rest)]
                } else if !line.trimmingCharacters(in: .whitespaces).isEmpty, line != "$" {
                    throw fail(number, .unexpected("text outside a message: '\(line)'"))
                }
            } else if line.hasPrefix("-}") {
                result.append(current ?? [])
                current = nil
            } else {
                current?.append((number, line))
            }
        }
        if current != nil {
            throw fail(lines.count, .truncated("block 4 is not closed by '-}'"))
        }
        return result
    }

    private static func fields(_ block: [(Int, String)]) throws(StatementFileError) -> [MT535Field] {
        var result: [MT535Field] = []
        for (number, line) in block {
            if line.hasPrefix(":"), let close = line.dropFirst().firstIndex(of: ":") {
                let tag = String(line[line.index(after: line.startIndex)..<close])
                guard (2...3).contains(tag.count), tag.prefix(2).allSatisfy({ $0.isASCII && $0.isNumber }),
                      tag.count == 2 || tag.last?.isUppercase == true
                else { throw fail(number, .syntax("'\(line)' is not a field (:TAG:value)")) }
                result.append(MT535Field(tag: tag, value: String(line[line.index(after: close)...]), continuation: [], line: number))
            } else {
                guard !result.isEmpty else { throw fail(number, .syntax("block 4 must start with a field, not '\(line)'")) }
                result[result.count - 1].continuation.append(line)
            }
        }
        return result
    }

    private struct Reader {
        let fields: [MT535Field]
        var index = 0

        init(fields: [MT535Field]) { self.fields = fields }

        func fail(_ field: MT535Field, _ p: StatementFileError.Problem) -> StatementFileError {
            StatementFileError(format: .mt535, location: .line(field.line), problem: p)
        }

        var lastLine: Int { fields.last?.line ?? 1 }

        mutating func next() throws(StatementFileError) -> MT535Field {
            guard index < fields.count else {
                throw StatementFileError(format: .mt535, location: .line(lastLine), problem: .truncated("the message ends inside a sequence"))
            }
            defer { index += 1 }
            return fields[index]
        }

        /// Skips a subsequence whose `:16R:` was just read, through its matching `:16S:`.
        mutating func skipSequence(_ name: String, openedAt open: MT535Field) throws(StatementFileError) {
            while true {
                guard index < fields.count else {
                    throw StatementFileError(format: .mt535, location: .line(lastLine),
                                             problem: .truncated("sequence \(name) opened at line \(open.line) is not closed by :16S:\(name)"))
                }
                let f = try next()
                if f.tag == "16R" { try skipSequence(f.value, openedAt: f) }
                if f.tag == "16S" {
                    guard f.value == name else { throw fail(f, .syntax(":16S:\(f.value) closes \(name), opened at line \(open.line)")) }
                    return
                }
            }
        }

        mutating func page() throws(StatementFileError) -> StatementPage {
            let first = try next()
            guard first.tag == "16R", first.value == "GENL" else { throw fail(first, .missing(":16R:GENL as the first field")) }
            var pageInfo: (Int, Bool)?
            var statementNumber: String?
            var seme: String?
            var dateText: String?
            var asOf: SettlementDate?
            var update = StatementUpdateType.complete
            var account: SafekeepingAccount?
            general: while true {
                let f = try next()
                switch (f.tag, f.qualified?.qualifier) {
                case ("16S", _):
                    guard f.value == "GENL" else { throw fail(f, .syntax(":16S:\(f.value) closes GENL")) }
                    break general
                case ("16R", _):
                    try skipSequence(f.value, openedAt: f)
                case ("28E", _):
                    pageInfo = try page(f)
                case ("13A", "STAT"), ("13J", "STAT"):
                    statementNumber = try plain(f)
                case ("20C", "SEME"):
                    seme = try plain(f)
                case ("98A", "STAT"), ("98C", "STAT"):
                    let t = try plain(f)
                    let expected = f.tag == "98A" ? 8 : 14
                    guard t.count == expected, t.allSatisfy({ $0.isASCII && $0.isNumber }),
                          let d = try? SettlementDate(parsing: String(t.prefix(8)))
                    else { throw fail(f, .badDate(t)) }
                    (asOf, dateText) = (d, t)
                case ("22F", "CODE"):
                    let t = try plain(f)
                    guard let u = StatementUpdateType(rawValue: t) else {
                        throw fail(f, .badCode(field: ":22F::CODE", value: t, allowed: ["COMP", "DELT"]))
                    }
                    update = u
                case ("97A", "SAFE"):
                    account = try safekeeping(f)
                default:
                    continue
                }
            }
            guard let (number, isLast) = pageInfo else { throw fail(first, .missing(":28E: page number in GENL")) }
            guard let seme else { throw fail(first, .missing(":20C::SEME// reference in GENL")) }
            guard let asOf, let dateText else { throw fail(first, .missing(":98A::STAT// or :98C::STAT// statement date in GENL")) }
            guard let account else { throw fail(first, .missing(":97A::SAFE// safekeeping account in GENL")) }

            var main: [ISIN: HoldingBalance] = [:]
            var subAccounts: [AccountHoldings] = []
            while index < fields.count {
                let f = try next()
                guard f.tag == "16R" else { throw fail(f, .unexpected("field :\(f.tag): after GENL (expected :16R:SUBSAFE or :16R:ADDINFO)")) }
                switch f.value {
                case "SUBSAFE":
                    let (subAccount, balances) = try subsafe(openedAt: f, statementAccount: account)
                    if let subAccount, subAccount != account {
                        guard !subAccounts.contains(where: { $0.account == subAccount }) else {
                            throw fail(f, .unexpected("second SUBSAFE for sub-account \(subAccount)"))
                        }
                        subAccounts.append(AccountHoldings(account: subAccount, balances: balances))
                    } else {
                        for (isin, balance) in balances {
                            guard main[isin] == nil else { throw fail(f, .duplicateISIN(isin, account: account)) }
                            main[isin] = balance
                        }
                    }
                case "ADDINFO":
                    try skipSequence("ADDINFO", openedAt: f)
                default:
                    throw fail(f, .unexpected("sequence \(f.value) (expected SUBSAFE or ADDINFO)"))
                }
            }
            return StatementPage(
                format: .mt535, statementId: statementNumber ?? "\(account.id)@\(dateText)", number: number, isLast: isLast,
                pageReference: seme, asOf: asOf, update: update,
                holdings: AccountHoldings(account: account, balances: main), subAccounts: subAccounts)
        }

        /// Only `:35B:` carries description lines; a line under any other field read here is an error.
        func singleLine(_ f: MT535Field) throws(StatementFileError) {
            guard f.continuation.isEmpty else {
                throw StatementFileError(format: .mt535, location: .line(f.line + 1),
                                         problem: .unexpected("line '\(f.continuation[0])' (every field starts with :TAG:)"))
            }
        }

        func plain(_ f: MT535Field) throws(StatementFileError) -> String {
            try singleLine(f)
            guard let q = f.qualified, q.scheme == nil, !q.rest.isEmpty else {
                throw fail(f, .syntax("'\(f.value)' is not :QUALIFIER//value"))
            }
            return q.rest
        }

        func page(_ f: MT535Field) throws(StatementFileError) -> (Int, Bool) {
            try singleLine(f)
            let parts = f.value.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, (1...5).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
                  let n = Int(parts[0]), n >= 1
            else { throw fail(f, .badPagination("'\(f.value)' is not PAGE/MORE|LAST|ONLY")) }
            switch parts[1] {
            case "MORE": return (n, false)
            case "LAST": return (n, true)
            case "ONLY":
                guard n == 1 else { throw fail(f, .badPagination("page \(n) cannot be the only page")) }
                return (n, true)
            default:
                throw fail(f, .badCode(field: ":28E: continuation", value: String(parts[1]), allowed: ["MORE", "LAST", "ONLY"]))
            }
        }

        func safekeeping(_ f: MT535Field) throws(StatementFileError) -> SafekeepingAccount {
            let t = try plain(f)
            do { return try SafekeepingAccount(t) } catch { throw fail(f, .badAccount(error)) }
        }

        mutating func subsafe(openedAt open: MT535Field, statementAccount: SafekeepingAccount) throws(StatementFileError) -> (SafekeepingAccount?, [ISIN: HoldingBalance]) {
            var account: SafekeepingAccount?
            var balances: [ISIN: HoldingBalance] = [:]
            while true {
                guard index < fields.count else {
                    throw StatementFileError(format: .mt535, location: .line(lastLine),
                                             problem: .truncated("sequence SUBSAFE opened at line \(open.line) is not closed by :16S:SUBSAFE"))
                }
                let f = try next()
                switch (f.tag, f.qualified?.qualifier) {
                case ("16S", _):
                    guard f.value == "SUBSAFE" else { throw fail(f, .syntax(":16S:\(f.value) closes SUBSAFE, opened at line \(open.line)")) }
                    return (account, balances)
                case ("16R", _) where f.value == "FIN":
                    let (isin, isinField, balance) = try financialInstrument(openedAt: f)
                    guard balances[isin] == nil else {
                        throw fail(isinField, .duplicateISIN(isin, account: account ?? statementAccount))
                    }
                    balances[isin] = balance
                case ("16R", _):
                    try skipSequence(f.value, openedAt: f)
                case ("97A", "SAFE"):
                    account = try safekeeping(f)
                default:
                    continue
                }
            }
        }

        mutating func financialInstrument(openedAt open: MT535Field) throws(StatementFileError) -> (ISIN, MT535Field, HoldingBalance) {
            var isin: (ISIN, MT535Field)?
            var quantities: [String: (Quantity, MT535Field)] = [:]
            while true {
                guard index < fields.count else {
                    throw StatementFileError(format: .mt535, location: .line(lastLine),
                                             problem: .truncated("sequence FIN opened at line \(open.line) is not closed by :16S:FIN"))
                }
                let f = try next()
                switch f.tag {
                case "16S":
                    guard f.value == "FIN" else { throw fail(f, .syntax(":16S:\(f.value) closes FIN, opened at line \(open.line)")) }
                    guard let (id, idField) = isin else { throw fail(open, .missing(":35B: identification of the financial instrument")) }
                    guard let aggregate = quantities["AGGR"] else { throw fail(f, .missing(":93B::AGGR// aggregate balance of \(id)")) }
                    do {
                        return (id, idField, try HoldingBalance(aggregate: aggregate.0, available: quantities["AVAI"]?.0,
                                                                notAvailable: quantities["NAVL"]?.0))
                    } catch { throw fail(aggregate.1, .badBalances(error)) }
                case "16R":
                    try skipSequence(f.value, openedAt: f)
                case "35B":
                    guard f.value.hasPrefix("ISIN ") else {
                        throw fail(f, .missing("the ISIN in :35B: (written 'ISIN US0378331005')"))
                    }
                    let text = String(f.value.dropFirst(5))
                    do { isin = (try ISIN(text), f) } catch { throw fail(f, .badISIN(text, error)) }
                case "93B":
                    let (qualifier, quantity) = try balance(f)
                    guard quantities[qualifier] == nil else { throw fail(f, .unexpected("second :93B::\(qualifier)//")) }
                    quantities[qualifier] = (quantity, f)
                case "93F":
                    throw fail(f, .unsupportedQuantity("DITU (digital token units, :93F:)"))
                default:
                    continue
                }
            }
        }

        /// `:93B::QUAL//UNIT/[N]1234,5`
        func balance(_ f: MT535Field) throws(StatementFileError) -> (String, Quantity) {
            try singleLine(f)
            guard let q = f.qualified else { throw fail(f, .syntax("'\(f.value)' is not :QUALIFIER//TYPE/BALANCE")) }
            guard ["AGGR", "AVAI", "NAVL"].contains(q.qualifier) else {
                throw fail(f, .badCode(field: ":93B: qualifier", value: q.qualifier, allowed: ["AGGR", "AVAI", "NAVL"]))
            }
            guard q.scheme == nil else { throw fail(f, .unsupportedQuantity("with data source scheme \(q.scheme ?? "")")) }
            let parts = q.rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty else { throw fail(f, .missing("the balance after \(q.qualifier)//\(parts[0])/")) }
            guard parts[0] == "UNIT" else { throw fail(f, .unsupportedQuantity(String(parts[0]))) }
            // The sign N marks a negative balance: a short position.
            if parts[1].hasPrefix("N") { throw fail(f, .shortPosition) }
            do {
                return (q.qualifier, try Quantity(parsing: String(parts[1]), separator: ",", requireSeparator: true))
            } catch { throw fail(f, .badQuantity(error)) }
        }
    }
}
