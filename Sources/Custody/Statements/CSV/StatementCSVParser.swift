import Foundation

/// Reads the custody statement CSV: a header row naming `StatementCSVColumn`s, then
/// one holding per row. Rows with the same `statement_id` and `page` form one page.
public enum StatementCSVParser {
    /// Parses every page in `text`.
    public static func parse(_ text: String) throws(StatementFileError) -> [StatementPage] {
        let records: [CSVRecordReader.Record]
        do { records = try CSVRecordReader.records(text) } catch {
            switch error {
            case .quoteInUnquotedField(let l): throw fail(l, .syntax("a double quote inside an unquoted field (quote the whole field and double the quote)"))
            case .textAfterClosingQuote(let l): throw fail(l, .syntax("text after a closing double quote"))
            case .unterminatedQuote(let l): throw fail(l, .truncated("the quoted field opened on line \(l) is never closed"))
            }
        }
        guard let header = records.first else { throw fail(1, .missing("the header row")) }
        var columns: [StatementCSVColumn: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            guard let column = StatementCSVColumn(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw fail(header.line, .unexpected("column '\(name)'; the columns are \(StatementCSVColumn.header)"))
            }
            guard columns[column] == nil else { throw fail(header.line, .unexpected("second column '\(name)'")) }
            columns[column] = i
        }
        for column in StatementCSVColumn.required where columns[column] == nil {
            throw fail(header.line, .missing("column '\(column.rawValue)'"))
        }
        guard records.count > 1 else { throw fail(header.line, .missing("holding rows after the header")) }

        var builders: [PageKey: PageBuilder] = [:]
        var order: [PageKey] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw fail(record.line, .syntax("\(record.fields.count) fields where the header has \(header.fields.count)"))
            }
            let row = Row(record: record, columns: columns)
            let (key, page) = try row.pageHeader()
            if var builder = builders[key] {
                try builder.agree(with: page, line: record.line)
                try builder.add(row)
                builders[key] = builder
            } else {
                var builder = PageBuilder(header: page)
                try builder.add(row)
                builders[key] = builder
                order.append(key)
            }
        }
        return order.compactMap { builders[$0]?.page() }
    }

    static func fail(_ line: Int, _ problem: StatementFileError.Problem) -> StatementFileError {
        StatementFileError(format: .csv, location: .line(line), problem: problem)
    }

    private struct PageKey: Hashable {
        let statementId: String
        let page: Int
    }

    private struct PageHeader: Equatable {
        let statementId: String
        let account: SafekeepingAccount
        let asOf: SettlementDate
        let update: StatementUpdateType
        let number: Int
        let isLast: Bool
    }

    private struct Row {
        let record: CSVRecordReader.Record
        let columns: [StatementCSVColumn: Int]

        var line: Int { record.line }

        func value(_ c: StatementCSVColumn) -> String {
            guard let i = columns[c] else { return "" }
            return record.fields[i]
        }

        func requiredValue(_ c: StatementCSVColumn) throws(StatementFileError) -> String {
            let v = value(c)
            guard !v.isEmpty else { throw fail(line, .missing("the value of '\(c.rawValue)'")) }
            return v
        }

        func pageHeader() throws(StatementFileError) -> (PageKey, PageHeader) {
            let id = try requiredValue(.statementId)
            let accountText = try requiredValue(.account)
            let account: SafekeepingAccount
            do { account = try SafekeepingAccount(accountText) } catch { throw fail(line, .badAccount(error)) }
            let dateText = try requiredValue(.asOf)
            guard dateText.count == 10, let asOf = try? SettlementDate(parsing: dateText) else { throw fail(line, .badDate(dateText)) }
            var update = StatementUpdateType.complete
            if !value(.updateType).isEmpty {
                guard let u = StatementUpdateType(rawValue: value(.updateType)) else {
                    throw fail(line, .badCode(field: "update_type", value: value(.updateType), allowed: ["COMP", "DELT"]))
                }
                update = u
            }
            var number = 1
            if !value(.page).isEmpty {
                let t = value(.page)
                guard t.count <= 5, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t), n >= 1 else {
                    throw fail(line, .badPagination("page '\(t)' is not 1 to 99999"))
                }
                number = n
            }
            var isLast = true
            switch value(.lastPage) {
            case "", "true": isLast = true
            case "false": isLast = false
            case let other: throw fail(line, .badCode(field: "last_page", value: other, allowed: ["true", "false"]))
            }
            return (PageKey(statementId: id, page: number),
                    PageHeader(statementId: id, account: account, asOf: asOf, update: update, number: number, isLast: isLast))
        }
    }

    private struct PageBuilder {
        let header: PageHeader
        var balances: [SafekeepingAccount: [ISIN: HoldingBalance]] = [:]
        var wallets: [SafekeepingAccount: WalletAddress] = [:]
        var subAccountOrder: [SafekeepingAccount] = []

        init(header: PageHeader) { self.header = header }

        func agree(with other: PageHeader, line: Int) throws(StatementFileError) {
            guard other == header else {
                throw fail(line, .inconsistent("statement \(header.statementId) page \(header.number): account, as_of, update_type and last_page must be the same on every row of a page"))
            }
        }

        mutating func add(_ row: Row) throws(StatementFileError) {
            let line = row.line
            var holder = header.account
            if !row.value(.subAccount).isEmpty {
                do { holder = try SafekeepingAccount(row.value(.subAccount)) } catch { throw fail(line, .badAccount(error)) }
                if holder != header.account, balances[holder] == nil, !subAccountOrder.contains(holder) { subAccountOrder.append(holder) }
            }
            let isinText = try row.requiredValue(.isin)
            let isin: ISIN
            do { isin = try ISIN(isinText) } catch { throw fail(line, .badISIN(isinText, error)) }
            guard balances[holder]?[isin] == nil else { throw fail(line, .duplicateISIN(isin, account: holder)) }
            let aggregate = try quantity(row, .aggregate, line: line)
            let available = row.value(.available).isEmpty ? nil : try quantity(row, .available, line: line)
            let notAvailable = row.value(.notAvailable).isEmpty ? nil : try quantity(row, .notAvailable, line: line)
            let balance: HoldingBalance
            do { balance = try HoldingBalance(aggregate: aggregate, available: available, notAvailable: notAvailable) } catch {
                throw fail(line, .badBalances(error))
            }
            balances[holder, default: [:]][isin] = balance
            if !row.value(.chainAddress).isEmpty {
                let wallet: WalletAddress
                do { wallet = try WalletAddress(row.value(.chainAddress)) } catch { throw fail(line, .badWallet(error)) }
                if let known = wallets[holder], known != wallet {
                    throw fail(line, .inconsistent("account \(holder) has chain address \(known) on an earlier row and \(wallet) here"))
                }
                wallets[holder] = wallet
            }
        }

        func quantity(_ row: Row, _ column: StatementCSVColumn, line: Int) throws(StatementFileError) -> Quantity {
            let text = try row.requiredValue(column)
            do { return try Quantity(parsing: text) } catch { throw fail(line, .badQuantity(error)) }
        }

        func page() -> StatementPage {
            func holdings(_ a: SafekeepingAccount) -> AccountHoldings {
                AccountHoldings(account: a, wallet: wallets[a], balances: balances[a] ?? [:])
            }
            return StatementPage(
                format: .csv, statementId: header.statementId, number: header.number, isLast: header.isLast,
                asOf: header.asOf, update: header.update, holdings: holdings(header.account),
                subAccounts: subAccountOrder.map(holdings))
        }
    }
}
