import Custody

/// Why a cash dividend receipt cannot be booked, declared or paid. Each message says what to do.
public enum DividendError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A rate or cash amount that is not a USD amount of at most 6 decimals.
    case badAmount(field: String, text: String, reason: String)
    /// Only USD receipts can be passed on: the chain's cash token is USD.
    case unsupportedCurrency(String)
    /// The pay date is before the record date.
    case payBeforeRecord(record: SettlementDate, pay: SettlementDate)
    /// The book has not settled through the record date, so the reserve then is not known.
    case recordDateNotSettled(record: SettlementDate, settledThrough: SettlementDate?)
    /// The cash credited is not the rate times the reserve's settled shares at the record date.
    case cashMismatch(reference: String, cash: String, rate: String, shares: Quantity, expected: String)
    /// The reference was received before with other details.
    case conflictingReceipt(reference: String)
    /// The chain has no share token for the receipt's ISIN.
    case noToken(ISIN)
    /// The chain's record time would not be after its head time.
    case recordTimeNotAhead(reference: String, recordTime: UInt64, headTime: UInt64)
    /// The pay time is before the record time.
    case payTimeBeforeRecordTime(recordTime: UInt64, payTime: UInt64)
    /// The declaration would lock more USD than custody received.
    case underfunded(reference: String, needed: String, received: String)
    /// Nothing to declare for the receipt (the token has no supply).
    case nothingToDeclare(reference: String, String)
    /// A date the New York calendar cannot turn into a time.
    case calendar(String)

    public var description: String {
        switch self {
        case .badAmount(let f, let t, let r): return "--\(f) '\(t)' is not a USD amount: \(r)"
        case .unsupportedCurrency(let c): return "currency \(c): only USD receipts can be declared on chain (its cash token is USD)"
        case .payBeforeRecord(let r, let p): return "the pay date \(p) is before the record date \(r)"
        case .recordDateNotSettled(let r, let s):
            return "the book is settled through \(s.map { "\($0)" } ?? "no date yet"), not the record date \(r): import the reserve statement of \(r) or later first, so the reserve at the record date is known"
        case .cashMismatch(let ref, let cash, let rate, let shares, let expected):
            return "receipt \(ref): cash \(cash) USD is not \(rate) USD × \(shares) settled reserve shares at the record date = \(expected) USD; check the confirmation (gross rate, cash credited) against the reserve statement"
        case .conflictingReceipt(let ref): return "receipt \(ref) was booked before with other details; a reference is booked once"
        case .noToken(let isin): return "no share token on chain carries \(isin)"
        case .recordTimeNotAhead(let ref, let r, let h):
            return "receipt \(ref): record time \(r) is not after the chain's head time \(h); the chain fixes holders of record in the future only: pass --record-time and --pay-time (Unix seconds) ahead of the head"
        case .payTimeBeforeRecordTime(let r, let p): return "pay time \(p) is before record time \(r)"
        case .underfunded(let ref, let n, let r):
            return "receipt \(ref): the token's supply needs \(n) USD but custody received \(r) USD; reconcile (supply must not exceed the reserve) before declaring"
        case .nothingToDeclare(let ref, let m): return "receipt \(ref): \(m)"
        case .calendar(let m): return m
        }
    }
}
