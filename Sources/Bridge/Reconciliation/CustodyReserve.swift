import Custody

/// The custody side of the reconciliation, per ISIN, in shares (10^-18 units): what
/// the book and the mint journal say, before the chain is looked at.
public struct CustodyReserve: Sendable {
    /// Settled shares in the reserve account.
    public var settled: [ISIN: UInt128] = [:]
    /// Withdrawals out of the reserve booked and not settled.
    public var redemptionsInFlight: [ISIN: UInt128] = [:]
    /// Deposits with a chain address minted on chain while custody has not settled them.
    public var depositsBeingMinted: [ISIN: UInt128] = [:]
    /// Settled deposits with a chain address not minted yet: (reference, shares).
    public var unmintedDeposits: [ISIN: [(reference: String, shares: UInt128)]] = [:]

    public init() {}

    /// The custody side of `book`'s reserve account; `minted` holds the references of the
    /// deposits known minted (journal done, or the chain's deposit record).
    public init(book: CustodyBook, minted: Set<String>) throws(BridgeError) {
        for (isin, q) in book.settledReserve { settled[isin] = q.raw }
        for m in book.withdrawalsInFlight { try Self.add(&redemptionsInFlight, m.isin, m.quantity.raw, "redemptions in flight") }
        for m in book.movements(account: book.reserveAccount) where m.chainAddress != nil {
            if book.isSettled(m) {
                if !minted.contains(m.reference) { unmintedDeposits[m.isin, default: []].append((m.reference, m.quantity.raw)) }
            } else if minted.contains(m.reference) {
                try Self.add(&depositsBeingMinted, m.isin, m.quantity.raw, "deposits being minted")
            }
        }
    }

    private static func add(_ table: inout [ISIN: UInt128], _ isin: ISIN, _ shares: UInt128, _ what: String) throws(BridgeError) {
        let (sum, overflow) = (table[isin] ?? 0).addingReportingOverflow(shares)
        guard !overflow else { throw .arithmetic("the \(what) of \(isin) exceed 2^128 units") }
        table[isin] = sum
    }
}
