/// The statements imported for each safekeeping account.
///
/// Pages are held until their statement is whole (every page from 1 to the one
/// marked last; they may come in any order, a page received twice is ignored).
/// A whole statement is then applied: a complete one (COMP) replaces the account's
/// holdings, a delta (DELT) sets the new balance of each holding it reports on the
/// account's holdings (a zero aggregate removes the holding). Pages of one file are
/// taken together or not at all.
public struct StatementRegister: Sendable, Equatable {
    private struct StatementKey: Hashable, Sendable {
        let account: SafekeepingAccount
        let id: String
    }

    private var pages: [StatementKey: [Int: StatementPage]] = [:]
    private var appliedKeys: Set<StatementKey> = []
    /// Each account's holdings as last reported: the last complete statement with
    /// every later delta applied.
    public private(set) var current: [SafekeepingAccount: HoldingStatement] = [:]
    /// Every applied statement as reported, in the order applied.
    public private(set) var history: [HoldingStatement] = []

    public init() {}

    /// Takes the pages of one file. Throws, changing nothing, if any page conflicts
    /// with what is known or a completed statement cannot be applied.
    public mutating func receive(_ newPages: [StatementPage]) throws(StatementRegisterError) -> [StatementOutcome] {
        var next = self
        var outcomes: [StatementOutcome] = []
        for page in newPages { outcomes.append(try next.accept(page)) }
        self = next
        return outcomes
    }

    /// Statements whose pages are not all in yet, with the pages received.
    public var heldStatements: [(account: SafekeepingAccount, statementId: String, pages: [Int])] {
        pages.filter { !appliedKeys.contains($0.key) }
            .map { (account: $0.key.account, statementId: $0.key.id, pages: $0.value.keys.sorted()) }
            .sorted { ($0.account, $0.statementId) < ($1.account, $1.statementId) }
    }

    private mutating func accept(_ page: StatementPage) throws(StatementRegisterError) -> StatementOutcome {
        let key = StatementKey(account: page.account, id: page.statementId)
        let known = pages[key] ?? [:]
        if let same = known[page.number] {
            guard same == page else { throw .conflictingPage(statementId: page.statementId, page: page.number) }
            return .duplicate(statementId: page.statementId, page: page.number)
        }
        if appliedKeys.contains(key) {
            throw .conflictingStatement(statementId: page.statementId, account: page.account)
        }
        if let other = known.values.first {
            if other.asOf != page.asOf { throw .pagesDisagree(statementId: page.statementId, page: page.number, field: "statement date") }
            if other.update != page.update { throw .pagesDisagree(statementId: page.statementId, page: page.number, field: "update type (COMP/DELT)") }
            if other.owner != page.owner { throw .pagesDisagree(statementId: page.statementId, page: page.number, field: "account owner") }
        }
        let last = known.values.first(where: \.isLast)?.number
        if page.isLast {
            if let last { throw .twoLastPages(statementId: page.statementId, first: last, second: page.number) }
            if let beyond = known.keys.filter({ $0 > page.number }).min() {
                throw .pageBeyondLast(statementId: page.statementId, page: beyond, lastPage: page.number)
            }
        } else if let last, page.number > last {
            throw .pageBeyondLast(statementId: page.statementId, page: page.number, lastPage: last)
        }
        var updated = known
        updated[page.number] = page
        pages[key] = updated
        let lastPage = page.isLast ? page.number : last
        guard let lastPage, (1...lastPage).allSatisfy({ updated[$0] != nil }) else {
            return .held(statementId: page.statementId, account: page.account, receivedPages: updated.keys.sorted(), lastPage: lastPage)
        }
        let statement = try Self.assemble((1...lastPage).compactMap { updated[$0] })
        try apply(statement)
        appliedKeys.insert(key)
        return .applied(statement)
    }

    private static func assemble(_ pages: [StatementPage]) throws(StatementRegisterError) -> HoldingStatement {
        let first = pages[0]
        var main = first.holdings
        var subs: [SafekeepingAccount: AccountHoldings] = [:]
        for page in pages {
            if page.number != first.number {
                main = try merge(main, page.holdings, statementId: first.statementId, page: page.number)
            }
            for sub in page.subAccounts {
                subs[sub.account] = try subs[sub.account].map { (known) throws(StatementRegisterError) in
                    try merge(known, sub, statementId: first.statementId, page: page.number)
                } ?? sub
            }
        }
        return HoldingStatement(
            id: first.statementId, owner: first.owner, asOf: first.asOf, update: first.update, pageCount: pages.count,
            holdings: main, subAccounts: Array(subs.values))
    }

    private static func merge(_ a: AccountHoldings, _ b: AccountHoldings, statementId: String, page: Int)
        throws(StatementRegisterError) -> AccountHoldings
    {
        if let wa = a.wallet, let wb = b.wallet, wa != wb {
            throw .pagesDisagree(statementId: statementId, page: page, field: "chain address of account \(a.account)")
        }
        var balances = a.balances
        for (isin, balance) in b.balances {
            guard balances[isin] == nil else { throw .duplicateISINAcrossPages(statementId: statementId, isin: isin, account: a.account) }
            balances[isin] = balance
        }
        return AccountHoldings(account: a.account, wallet: a.wallet ?? b.wallet, balances: balances)
    }

    private mutating func apply(_ statement: HoldingStatement) throws(StatementRegisterError) {
        let account = statement.account
        if let now = current[account], statement.asOf < now.asOf {
            throw .olderThanCurrent(statementId: statement.id, asOf: statement.asOf, current: now.id, currentAsOf: now.asOf)
        }
        switch statement.update {
        case .complete:
            current[account] = statement
        case .delta:
            guard let base = current[account] else { throw .deltaWithoutComplete(statementId: statement.id, account: account) }
            var subs = Dictionary(uniqueKeysWithValues: base.subAccounts.map { ($0.account, $0) })
            for sub in statement.subAccounts {
                subs[sub.account] = Self.overlay(subs[sub.account] ?? AccountHoldings(account: sub.account, balances: [:]), with: sub)
            }
            current[account] = HoldingStatement(
                id: statement.id, owner: statement.owner ?? base.owner, asOf: statement.asOf, update: .complete,
                pageCount: statement.pageCount, holdings: Self.overlay(base.holdings, with: statement.holdings),
                subAccounts: subs.values.filter { !$0.balances.isEmpty || $0.wallet != nil })
        }
        history.append(statement)
    }

    /// A delta's holdings set on a base: each reported ISIN takes its new balance, a zero aggregate removes it.
    private static func overlay(_ base: AccountHoldings, with delta: AccountHoldings) -> AccountHoldings {
        var balances = base.balances
        for (isin, balance) in delta.balances { balances[isin] = balance.aggregate.isZero ? nil : balance }
        return AccountHoldings(account: base.account, wallet: delta.wallet ?? base.wallet, balances: balances)
    }
}
