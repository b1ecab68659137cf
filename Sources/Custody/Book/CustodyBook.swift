/// The brokerage custody book: safekeeping accounts, positions per ISIN (settled
/// and pending), and the movements that made them. Movements settle when
/// `settle(asOf:)` reaches their settlement date.
///
/// The book is a value: every change is checked first and applied whole, so a
/// refused movement leaves it exactly as it was. Durability is the ledger's job
/// (`CustodyLedger` over a `CustodyLedgerStore`), not the book's.
public struct CustodyBook: Sendable {
    /// The omnibus account that holds the shares backing the tokens.
    public let reserveAccount: SafekeepingAccount
    /// The business days movements may settle on.
    public let calendar: any SettlementCalendar
    /// The last date `settle(asOf:)` reached; nil before the first settlement run.
    public private(set) var settledThrough: SettlementDate?

    private var movementsByReference: [String: Movement] = [:]
    /// References in booking order, so every listing is deterministic.
    private var bookingOrder: [String] = []
    private var pendingReferences: [String] = []
    private var positionTable: [PositionKey: CustodyPosition] = [:]

    private struct PositionKey: Hashable {
        let account: SafekeepingAccount
        let isin: ISIN
    }

    public init(reserveAccount: SafekeepingAccount, calendar: any SettlementCalendar) {
        self.reserveAccount = reserveAccount
        self.calendar = calendar
    }

    // MARK: Booking

    /// Books a movement. Returns false when the same movement (same reference, same
    /// content) is already booked, and changes nothing; throws when the reference is
    /// booked with other content, or when the movement is not valid.
    @discardableResult
    public mutating func record(_ movement: Movement) throws(CustodyBookError) -> Bool {
        let ref = movement.reference
        if let existing = movementsByReference[ref] {
            guard existing == movement else { throw .conflictingReference(ref) }
            return false
        }
        try validate(movement)
        var next = self
        next.movementsByReference[ref] = movement
        next.bookingOrder.append(ref)
        if let through = settledThrough, movement.settlementDate <= through {
            try next.applySettlement(of: movement)
        } else {
            next.pendingReferences.append(ref)
            try next.adjustPending(of: movement, booking: true)
        }
        self = next
        return true
    }

    /// Settles every pending movement whose settlement date is on or before `date`
    /// (receipts before deliveries on the same date) and returns them in the order
    /// they settled. A date at or before the last run settles nothing.
    @discardableResult
    public mutating func settle(asOf date: SettlementDate) throws(CustodyBookError) -> [Movement] {
        if let through = settledThrough, date <= through { return [] }
        var next = self
        let due = pendingReferences.compactMap { movementsByReference[$0] }
            .enumerated()
            .filter { $0.element.settlementDate <= date }
            .sorted { a, b in
                let ka = (a.element.settlementDate, a.element.kind.isOutgoingShares ? 1 : 0, a.offset)
                let kb = (b.element.settlementDate, b.element.kind.isOutgoingShares ? 1 : 0, b.offset)
                return ka < kb
            }
            .map(\.element)
        for movement in due {
            try next.adjustPending(of: movement, booking: false)
            try next.applySettlement(of: movement)
        }
        let settledRefs = Set(due.map(\.reference))
        next.pendingReferences.removeAll { settledRefs.contains($0) }
        next.settledThrough = date
        self = next
        return due
    }

    private func validate(_ m: Movement) throws(CustodyBookError) {
        let ref = m.reference
        guard (1...35).contains(ref.count), ref.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw .badReference(ref)
        }
        guard !m.quantity.isZero else { throw .zeroQuantity(reference: ref) }
        guard m.settlementDate >= m.tradeDate else {
            throw .settlementBeforeTrade(reference: ref, trade: m.tradeDate, settlement: m.settlementDate)
        }
        switch calendar.isBusinessDay(m.settlementDate) {
        case nil: throw .calendar(reference: ref, .notCovered(m.settlementDate))
        case false?: throw .notBusinessDay(reference: ref, m.settlementDate)
        case true?: break
        }
        if m.kind == .cashDividend {
            guard let currency = m.currency else { throw .missingCurrency(reference: ref) }
            guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw .badCurrency(reference: ref, currency)
            }
        } else if m.currency != nil {
            throw .currencyOnShareMovement(reference: ref)
        }
        if m.chainAddress != nil {
            guard m.account == reserveAccount, m.kind == .receive || m.kind == .dwacDeposit else {
                throw .chainAddressNotAllowed(reference: ref)
            }
        }
        if m.kind.isOutgoingShares {
            let coverable = try coverableShares(account: m.account, isin: m.isin, by: m.settlementDate, reference: ref)
            guard coverable >= m.quantity else {
                throw .insufficientShares(reference: ref, account: m.account, isin: m.isin, coverable: coverable, requested: m.quantity)
            }
        }
    }

    /// What an account can deliver by `date`: settled shares, plus receipts that
    /// settle by then, minus every delivery already booked.
    private func coverableShares(account: SafekeepingAccount, isin: ISIN, by date: SettlementDate, reference: String)
        throws(CustodyBookError) -> Quantity
    {
        let position = self.position(account: account, isin: isin)
        var arriving = Quantity.zero
        for ref in pendingReferences {
            guard let m = movementsByReference[ref], m.account == account, m.isin == isin,
                  m.kind.isIncomingShares, m.settlementDate <= date
            else { continue }
            arriving = try checked(reference) { () throws(Quantity.Failure) in try arriving.adding(m.quantity) }
        }
        let gross = try checked(reference) { () throws(Quantity.Failure) in try position.settled.adding(arriving) }
        return gross.raw >= position.pendingOutgoing.raw ? Quantity(raw: gross.raw - position.pendingOutgoing.raw) : .zero
    }

    /// Adds a booked movement to its position's pending side, or takes it off when it settles.
    private mutating func adjustPending(of m: Movement, booking: Bool) throws(CustodyBookError) {
        guard m.kind != .cashDividend else { return }
        let key = PositionKey(account: m.account, isin: m.isin)
        var p = positionTable[key] ?? CustodyPosition()
        func adjust(_ q: Quantity) throws(CustodyBookError) -> Quantity {
            try checked(m.reference) { () throws(Quantity.Failure) in booking ? try q.adding(m.quantity) : try q.subtracting(m.quantity) }
        }
        if m.kind.isIncomingShares { p.pendingIncoming = try adjust(p.pendingIncoming) } else { p.pendingOutgoing = try adjust(p.pendingOutgoing) }
        positionTable[key] = p
    }

    private mutating func applySettlement(of m: Movement) throws(CustodyBookError) {
        guard m.kind != .cashDividend else { return }
        let key = PositionKey(account: m.account, isin: m.isin)
        var p = positionTable[key] ?? CustodyPosition()
        if m.kind.isIncomingShares {
            p.settled = try checked(m.reference) { () throws(Quantity.Failure) in try p.settled.adding(m.quantity) }
        } else {
            p.settled = try checked(m.reference) { () throws(Quantity.Failure) in try p.settled.subtracting(m.quantity) }
        }
        positionTable[key] = p.isEmpty ? nil : p
    }

    private func checked<T>(_ reference: String, _ body: () throws(Quantity.Failure) -> T) throws(CustodyBookError) -> T {
        do { return try body() } catch { throw .arithmetic(reference: reference, error) }
    }

    // MARK: Queries

    /// Every account the book knows: the reserve account and each account a movement was booked on.
    public var accounts: [SafekeepingAccount] {
        var all = Set(movementsByReference.values.map(\.account))
        all.insert(reserveAccount)
        return all.sorted()
    }

    /// The movement booked under `reference`.
    public func movement(reference: String) -> Movement? { movementsByReference[reference] }

    /// Every movement in booking order, or those of one account.
    public func movements(account: SafekeepingAccount? = nil) -> [Movement] {
        bookingOrder.compactMap { movementsByReference[$0] }.filter { account == nil || $0.account == account }
    }

    /// Whether a booked movement has settled.
    public func isSettled(_ movement: Movement) -> Bool {
        guard let through = settledThrough else { return false }
        return movement.settlementDate <= through && movementsByReference[movement.reference] == movement
    }

    /// One account's position in one security (empty when none).
    public func position(account: SafekeepingAccount, isin: ISIN) -> CustodyPosition {
        positionTable[PositionKey(account: account, isin: isin)] ?? CustodyPosition()
    }

    /// One account's positions, by ISIN.
    public func positions(account: SafekeepingAccount) -> [ISIN: CustodyPosition] {
        var result: [ISIN: CustodyPosition] = [:]
        for (key, p) in positionTable where key.account == account { result[key.isin] = p }
        return result
    }

    /// Settled shares in the reserve account, per ISIN (ISINs with nothing settled are left out).
    public var settledReserve: [ISIN: Quantity] {
        positions(account: reserveAccount).compactMapValues { $0.settled.isZero ? nil : $0.settled }
    }

    /// Settled receipts and DWAC deposits to the reserve account that carry a chain
    /// address: the deposits the bridge mints for, each with its reference as deposit id.
    public var reserveDepositsToMint: [Movement] {
        movements(account: reserveAccount).filter { $0.chainAddress != nil && isSettled($0) }
    }

    /// Deliveries and DWAC withdrawals out of the reserve account booked but not yet settled.
    public var withdrawalsInFlight: [Movement] {
        movements(account: reserveAccount).filter { $0.kind.isOutgoingShares && !isSettled($0) }
    }

    /// Cash dividends received (settled) on the reserve account.
    public var cashDividendReceipts: [Movement] {
        movements(account: reserveAccount).filter { $0.kind == .cashDividend && isSettled($0) }
    }

    /// A complete statement of one account's settled holdings: aggregate = settled,
    /// not available = the part promised to pending deliveries, available = the rest.
    /// `Semt002Writer` writes it for the custodian's counterpart systems.
    public func holdingStatement(
        account: SafekeepingAccount, id: String, asOf: SettlementDate, owner: AccountOwner? = nil
    ) -> HoldingStatement {
        var balances: [ISIN: HoldingBalance] = [:]
        for (isin, p) in positions(account: account) where !p.settled.isZero {
            let blocked = min(p.settled, p.pendingOutgoing)
            balances[isin] = HoldingBalance(
                consistentAggregate: p.settled, available: Quantity(raw: p.settled.raw - blocked.raw), notAvailable: blocked)
        }
        return HoldingStatement(
            id: id, owner: owner, asOf: asOf, update: .complete, pageCount: 1,
            holdings: AccountHoldings(account: account, balances: balances))
    }
}
