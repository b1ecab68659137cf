/// Reads one page of an ISO 20022 semt.002 `SctiesBalCtdyRpt` (versions 11 and 12).
///
/// Read: `Pgntn/PgNb` and `LastPgInd`; `StmtGnlDtls/StmtId` (else `RptNb`),
/// `StmtDtTm/Dt` or `DtTm` (its date as written), `UpdTp/Cd` (COMP or DELT);
/// `AcctOwnr/Id` (`AnyBIC` or `PrtryId`); `SfkpgAcct/Id`; `BlckChainAdrOrWllt/Id`;
/// every `BalForAcct` and every `SubAcctDtls` (with its `SfkpgAcct/Id`,
/// `BlckChainAdrOrWllt/Id` and `BalForSubAcct`). In a balance: `FinInstrmId/ISIN`,
/// `AggtBal` (`ShrtLngInd`, `Qty/Qty/Qty/Unit`), `AvlblBal/Qty/Qty/Unit`,
/// `NotAvlblBal/Qty/Unit`. Other elements of the schema are accepted and ignored.
public enum Semt002Parser {
    /// Parses `text` into one statement page, or says which element is wrong.
    public static func parse(_ text: String) throws(StatementFileError) -> StatementPage {
        let tree: XMLElementTree
        do { tree = try XMLElementTree(text: text) } catch {
            let location = StatementLocation.element(path: error.path, line: error.line)
            let problem: StatementFileError.Problem = error.truncated ? .truncated(error.message) : .syntax("malformed XML: \(error.message)")
            throw StatementFileError(format: nil, location: location, problem: problem)
        }
        let root = tree.root
        guard root.name == "Document" else {
            throw StatementFileError(format: nil, location: root.location, problem: .unexpected("root element <\(root.name)>: a semt.002 file starts with <Document>"))
        }
        guard let version = Semt002Version(namespace: root.namespace ?? "") else {
            throw StatementFileError(format: nil, location: root.location, problem: .wrongNamespace(found: root.namespace ?? "(none)"))
        }
        return try Reader(format: .semt002(version: version.rawValue)).page(root)
    }

    private struct Reader {
        let format: StatementFormat

        func fail(_ e: XMLElementTree.Element, _ p: StatementFileError.Problem) -> StatementFileError {
            StatementFileError(format: format, location: e.location, problem: p)
        }

        func required(_ e: XMLElementTree.Element, _ name: String) throws(StatementFileError) -> XMLElementTree.Element {
            let found = e.children(name)
            guard let first = found.first else { throw fail(e, .missing("<\(name)> in \(e.path)")) }
            guard found.count == 1 else { throw fail(found[1], .unexpected("second <\(name)>")) }
            return first
        }

        func optional(_ e: XMLElementTree.Element, _ name: String) throws(StatementFileError) -> XMLElementTree.Element? {
            let found = e.children(name)
            guard found.count <= 1 else { throw fail(found[1], .unexpected("second <\(name)>")) }
            return found.first
        }

        func text(_ e: XMLElementTree.Element) throws(StatementFileError) -> String {
            guard !e.text.isEmpty else { throw fail(e, .missing("the value of <\(e.name)>")) }
            return e.text
        }

        func page(_ document: XMLElementTree.Element) throws(StatementFileError) -> StatementPage {
            let report = try required(document, "SctiesBalCtdyRpt")
            let pagination = try required(report, "Pgntn")
            let pageNumberElement = try required(pagination, "PgNb")
            let pageText = try text(pageNumberElement)
            guard pageText.count <= 5, pageText.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(pageText), number >= 1 else {
                throw fail(pageNumberElement, .badPagination("page number '\(pageText)' is not 1 to 99999"))
            }
            let isLast = try boolean(try required(pagination, "LastPgInd"))

            let general = try required(report, "StmtGnlDtls")
            let dateChoice = try required(general, "StmtDtTm")
            let asOf = try statementDate(dateChoice)
            let updateElement = try required(try required(general, "UpdTp"), "Cd")
            let updateText = try text(updateElement)
            guard let update = StatementUpdateType(rawValue: updateText) else {
                throw fail(updateElement, .badCode(field: "UpdTp/Cd", value: updateText, allowed: ["COMP", "DELT"]))
            }

            let account = try accountId(try required(report, "SfkpgAcct", or: "the safekeeping account <SfkpgAcct> (the statement must name its account)"))
            let owner = try optional(report, "AcctOwnr").map { (e) throws(StatementFileError) in try self.owner(e) }
            let wallet = try optional(report, "BlckChainAdrOrWllt").map { (e) throws(StatementFileError) in try self.wallet(e) }
            var statementId = try optional(general, "StmtId").map { (e) throws(StatementFileError) in try text(e) }
            if statementId == nil, let reportNumber = try optional(general, "RptNb") {
                let number: XMLElementTree.Element
                if let short = try optional(reportNumber, "Shrt") { number = short } else { number = try required(reportNumber, "Lng") }
                statementId = try text(number)
            }
            let holdings = AccountHoldings(account: account, wallet: wallet,
                                           balances: try balances(report.children("BalForAcct"), account: account))
            var subAccounts: [AccountHoldings] = []
            var seenSubAccounts: Set<SafekeepingAccount> = []
            for sub in report.children("SubAcctDtls") {
                let subAccount = try accountId(try required(sub, "SfkpgAcct", or: "the sub-account's <SfkpgAcct>"))
                guard seenSubAccounts.insert(subAccount).inserted else {
                    throw fail(sub, .unexpected("second <SubAcctDtls> for sub-account \(subAccount)"))
                }
                let subWallet = try optional(sub, "BlckChainAdrOrWllt").map { (e) throws(StatementFileError) in try self.wallet(e) }
                subAccounts.append(AccountHoldings(account: subAccount, wallet: subWallet,
                                                   balances: try balances(sub.children("BalForSubAcct"), account: subAccount)))
            }
            return StatementPage(
                format: format, statementId: statementId ?? "\(account.id)@\(asOf.iso8601)", number: number, isLast: isLast,
                owner: owner, asOf: asOf, update: update, holdings: holdings, subAccounts: subAccounts)
        }

        func required(_ e: XMLElementTree.Element, _ name: String, or what: String) throws(StatementFileError) -> XMLElementTree.Element {
            guard let found = try optional(e, name) else { throw fail(e, .missing(what)) }
            return found
        }

        func boolean(_ e: XMLElementTree.Element) throws(StatementFileError) -> Bool {
            switch try text(e) {
            case "true", "1": return true
            case "false", "0": return false
            case let other: throw fail(e, .badCode(field: e.name, value: other, allowed: ["true", "false"]))
            }
        }

        func statementDate(_ choice: XMLElementTree.Element) throws(StatementFileError) -> SettlementDate {
            if let dt = try optional(choice, "Dt") {
                let t = try text(dt)
                do { return try SettlementDate(parsing: t) } catch { throw fail(dt, .badDate(t)) }
            }
            if let dtTm = try optional(choice, "DtTm") {
                // An xs:dateTime: the statement's date is the date part as written.
                let t = try text(dtTm)
                guard t.count >= 19, t.dropFirst(10).first == "T", let d = try? SettlementDate(parsing: String(t.prefix(10))) else {
                    throw fail(dtTm, .badDate(t))
                }
                return d
            }
            throw fail(choice, .missing("<Dt> or <DtTm> in \(choice.path)"))
        }

        func accountId(_ e: XMLElementTree.Element) throws(StatementFileError) -> SafekeepingAccount {
            let idElement = try required(e, "Id")
            let value = try text(idElement)
            do { return try SafekeepingAccount(value) } catch { throw fail(idElement, .badAccount(error)) }
        }

        func wallet(_ e: XMLElementTree.Element) throws(StatementFileError) -> WalletAddress {
            let idElement = try required(e, "Id")
            let value = try text(idElement)
            do { return try WalletAddress(value) } catch { throw fail(idElement, .badWallet(error)) }
        }

        func owner(_ e: XMLElementTree.Element) throws(StatementFileError) -> AccountOwner {
            let id = try required(e, "Id")
            if let bic = try optional(id, "AnyBIC") { return .bic(try text(bic)) }
            if let prtry = try optional(id, "PrtryId") {
                return .proprietary(id: try text(try required(prtry, "Id")), issuer: try text(try required(prtry, "Issr")))
            }
            throw fail(id, .missing("<AnyBIC> or <PrtryId> in \(id.path)"))
        }

        func balances(_ elements: [XMLElementTree.Element], account: SafekeepingAccount) throws(StatementFileError) -> [ISIN: HoldingBalance] {
            var result: [ISIN: HoldingBalance] = [:]
            for e in elements {
                let isinElement = try required(try required(e, "FinInstrmId"), "ISIN",
                                               or: "<ISIN> (holdings are identified by ISIN)")
                let isinText = try text(isinElement)
                let isin: ISIN
                do { isin = try ISIN(isinText) } catch { throw fail(isinElement, .badISIN(isinText, error)) }
                guard result[isin] == nil else { throw fail(isinElement, .duplicateISIN(isin, account: account)) }

                let aggregate = try required(e, "AggtBal")
                let sideElement = try required(aggregate, "ShrtLngInd")
                let side = try text(sideElement)
                guard side == "LONG" else {
                    if side == "SHOR" { throw fail(sideElement, .shortPosition) }
                    throw fail(sideElement, .badCode(field: "ShrtLngInd", value: side, allowed: ["LONG", "SHOR"]))
                }
                // AggtBal/Qty (BalanceQuantity13Choice) / Qty (Quantity51Choice) / Qty (FinancialInstrumentQuantity33Choice) / Unit
                let aggregateQuantity = try unit(try quantityChoice(try quantityChoice(try required(aggregate, "Qty"), alternatives: ["Prtry"]), alternatives: ["OrgnlAndCurFace"]))
                // AvlblBal (Balance18) / Qty (BalanceQuantity14Choice) / Qty / Unit
                let available = try optional(e, "AvlblBal").map { (b) throws(StatementFileError) in
                    try self.longOnly(b)
                    return try unit(try quantityChoice(try required(b, "Qty"), alternatives: ["Prtry"]))
                }
                // NotAvlblBal (BalanceQuantity14Choice) / Qty / Unit
                let notAvailable = try optional(e, "NotAvlblBal").map { (b) throws(StatementFileError) in
                    try unit(try quantityChoice(b, alternatives: ["Prtry"]))
                }
                do {
                    result[isin] = try HoldingBalance(aggregate: aggregateQuantity, available: available, notAvailable: notAvailable)
                } catch { throw fail(e, .badBalances(error)) }
            }
            return result
        }

        func longOnly(_ balance: XMLElementTree.Element) throws(StatementFileError) {
            guard let side = try optional(balance, "ShrtLngInd") else { return }
            let value = try text(side)
            if value == "SHOR" { throw fail(side, .shortPosition) }
            guard value == "LONG" else { throw fail(side, .badCode(field: "ShrtLngInd", value: value, allowed: ["LONG", "SHOR"])) }
        }

        /// Steps into the `Qty` branch of a quantity choice; the other branches carry
        /// no share count.
        func quantityChoice(_ choice: XMLElementTree.Element, alternatives: [String]) throws(StatementFileError) -> XMLElementTree.Element {
            if let qty = try optional(choice, "Qty") { return qty }
            if let other = choice.children.first(where: { alternatives.contains($0.name) }) {
                throw fail(other, .unsupportedQuantity(other.name))
            }
            throw fail(choice, .missing("the quantity <Qty> in \(choice.path)"))
        }

        /// Reads `Unit` from a FinancialInstrumentQuantity33Choice.
        func unit(_ choice: XMLElementTree.Element) throws(StatementFileError) -> Quantity {
            guard let unit = try optional(choice, "Unit") else {
                if let other = choice.children.first { throw fail(other, .unsupportedQuantity(other.name)) }
                throw fail(choice, .missing("the quantity <Unit> in \(choice.path)"))
            }
            let value = try text(unit)
            do { return try Quantity(parsing: value) } catch { throw fail(unit, .badQuantity(error)) }
        }
    }
}
