/// Why the custody book refused a movement. The book is unchanged after any of these.
public enum CustodyBookError: Error, Equatable, Sendable, CustomStringConvertible {
    case badReference(String)
    case conflictingReference(String)
    case zeroQuantity(reference: String)
    case settlementBeforeTrade(reference: String, trade: SettlementDate, settlement: SettlementDate)
    case notBusinessDay(reference: String, SettlementDate)
    case calendar(reference: String, SettlementCalendarError)
    case missingCurrency(reference: String)
    case badCurrency(reference: String, String)
    case currencyOnShareMovement(reference: String)
    case chainAddressNotAllowed(reference: String)
    case insufficientShares(reference: String, account: SafekeepingAccount, isin: ISIN, coverable: Quantity, requested: Quantity)
    case arithmetic(reference: String, Quantity.Failure)

    public var description: String {
        switch self {
        case .badReference(let r):
            return "movement reference '\(r)' must be 1 to 35 printable characters"
        case .conflictingReference(let r):
            return "movement \(r) is already booked with different content; a reference identifies one movement, use a new reference for a new movement"
        case .zeroQuantity(let r):
            return "movement \(r) moves nothing: the quantity must be above zero"
        case .settlementBeforeTrade(let r, let t, let s):
            return "movement \(r) settles on \(s), before its trade date \(t)"
        case .notBusinessDay(let r, let d):
            return "movement \(r) settles on \(d), which is not a settlement business day"
        case .calendar(let r, let e):
            return "movement \(r): \(e)"
        case .missingCurrency(let r):
            return "cash dividend \(r) has no currency (ISO 4217 code such as USD)"
        case .badCurrency(let r, let c):
            return "cash dividend \(r): '\(c)' is not an ISO 4217 currency code (three capital letters)"
        case .currencyOnShareMovement(let r):
            return "movement \(r) moves shares and must not carry a currency"
        case .chainAddressNotAllowed(let r):
            return "movement \(r) carries a chain address, which only a receipt or DWAC deposit to the reserve account may carry (it is the address to mint to)"
        case .insufficientShares(let r, let a, let i, let c, let q):
            return "movement \(r) takes \(q) \(i) out of \(a), which can cover only \(c) by its settlement date"
        case .arithmetic(let r, let e):
            return "movement \(r): \(e)"
        }
    }
}
