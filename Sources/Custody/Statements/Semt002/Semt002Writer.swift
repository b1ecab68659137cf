/// Writes a statement as one semt.002 `SctiesBalCtdyRpt` page (version 12 unless
/// told otherwise), with the elements the schema requires and those the importer
/// reads, so that `Semt002Parser` reads back the same statement.
public enum Semt002Writer {
    /// Why a statement cannot be written as semt.002.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case tooLong(field: String, value: String, max: Int)
        case quantityNotRepresentable(Quantity)

        public var description: String {
            switch self {
            case .tooLong(let f, let v, let m): return "\(f) '\(v)' is longer than the \(m) characters semt.002 allows"
            case .quantityNotRepresentable(let q):
                return "\(q) does not fit semt.002's Unit (at most 18 digits of which at most 17 decimals)"
            }
        }
    }

    /// The XML document of `statement`.
    public static func write(_ statement: HoldingStatement, version: Semt002Version = .v12) throws(Failure) -> String {
        guard statement.id.count <= 35 else { throw .tooLong(field: "StmtId", value: statement.id, max: 35) }
        var x = XMLText()
        x.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        try x.open("Document xmlns=\"\(version.namespace)\"", close: "Document") { x throws(Failure) in
            try x.open("SctiesBalCtdyRpt") { x throws(Failure) in
                x.open("Pgntn") { x in
                    x.leaf("PgNb", "1")
                    x.leaf("LastPgInd", "true")
                }
                x.open("StmtGnlDtls") { x in
                    x.leaf("StmtId", statement.id)
                    x.open("StmtDtTm") { x in x.leaf("Dt", statement.asOf.iso8601) }
                    x.open("Frqcy") { x in x.leaf("Cd", "ADHO") }
                    x.open("UpdTp") { x in x.leaf("Cd", statement.update.rawValue) }
                    x.open("StmtBsis") { x in x.leaf("Cd", "SETT") }
                    x.leaf("ActvtyInd", statement.holdings.balances.isEmpty && statement.subAccounts.isEmpty ? "false" : "true")
                    x.leaf("SubAcctInd", statement.subAccounts.isEmpty ? "false" : "true")
                }
                if let owner = statement.owner { try writeOwner(owner, into: &x) }
                x.open("SfkpgAcct") { x in x.leaf("Id", statement.account.id) }
                if let wallet = statement.holdings.wallet {
                    x.open("BlckChainAdrOrWllt") { x in x.leaf("Id", wallet.text) }
                }
                try writeBalances(statement.holdings.balances, element: "BalForAcct", into: &x)
                for sub in statement.subAccounts {
                    try x.open("SubAcctDtls") { x throws(Failure) in
                        x.open("SfkpgAcct") { x in x.leaf("Id", sub.account.id) }
                        if let wallet = sub.wallet {
                            x.open("BlckChainAdrOrWllt") { x in x.leaf("Id", wallet.text) }
                        }
                        x.leaf("ActvtyInd", sub.balances.isEmpty ? "false" : "true")
                        try writeBalances(sub.balances, element: "BalForSubAcct", into: &x)
                    }
                }
            }
        }
        return x.text
    }

    private static func writeOwner(_ owner: AccountOwner, into x: inout XMLText) throws(Failure) {
        try x.open("AcctOwnr") { x throws(Failure) in
            try x.open("Id") { x throws(Failure) in
                switch owner {
                case .bic(let bic):
                    x.leaf("AnyBIC", bic)
                case .proprietary(let id, let issuer):
                    guard id.count <= 35 else { throw .tooLong(field: "AcctOwnr/Id/PrtryId/Id", value: id, max: 35) }
                    guard issuer.count <= 35 else { throw .tooLong(field: "AcctOwnr/Id/PrtryId/Issr", value: issuer, max: 35) }
                    x.open("PrtryId") { x in
                        x.leaf("Id", id)
                        x.leaf("Issr", issuer)
                    }
                }
            }
        }
    }

    private static func writeBalances(_ balances: [ISIN: HoldingBalance], element: String, into x: inout XMLText) throws(Failure) {
        for (isin, balance) in balances.sorted(by: { $0.key < $1.key }) {
            try x.open(element) { x throws(Failure) in
                x.open("FinInstrmId") { x in x.leaf("ISIN", isin.code) }
                let aggregate = try unit(balance.aggregate)
                x.open("AggtBal") { x in
                    x.leaf("ShrtLngInd", "LONG")
                    x.open("Qty") { x in x.open("Qty") { x in x.open("Qty") { x in x.leaf("Unit", aggregate) } } }
                }
                if let available = balance.available {
                    let text = try unit(available)
                    x.open("AvlblBal") { x in x.open("Qty") { x in x.open("Qty") { x in x.leaf("Unit", text) } } }
                }
                if let notAvailable = balance.notAvailable {
                    let text = try unit(notAvailable)
                    x.open("NotAvlblBal") { x in x.open("Qty") { x in x.leaf("Unit", text) } }
                }
            }
        }
    }

    /// `Unit` is a DecimalNumber of at most 18 digits, 17 of them decimals.
    private static func unit(_ q: Quantity) throws(Failure) -> String {
        let text = q.formatted()
        let digits = text.filter { $0 != "." }.drop(while: { $0 == "0" }).count
        guard q.significantDecimals <= 17, digits <= 18 else { throw .quantityNotRepresentable(q) }
        return text
    }
}

/// Indented XML text, element by element, with text content escaped.
private struct XMLText {
    var text = ""
    private var depth = 0

    mutating func line(_ s: String) {
        text += String(repeating: "  ", count: depth) + s + "\n"
    }

    mutating func leaf(_ name: String, _ value: String) {
        line("<\(name)>\(Self.escape(value))</\(name)>")
    }

    mutating func open<E: Error>(_ tag: String, close: String? = nil, _ body: (inout XMLText) throws(E) -> Void) throws(E) {
        line("<\(tag)>")
        depth += 1
        try body(&self)
        depth -= 1
        line("</\(close ?? tag)>")
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
