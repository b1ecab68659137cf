import Custody
import Node

extension ReserveBridge {
    /// The dividend receipts.
    public var dividendReceipts: DividendReceiptStore { DividendReceiptStore(database: database) }

    /// 10^12: USD units (6 decimals) to `Quantity`'s 18.
    static let usdToQuantity: UInt128 = 1_000_000_000_000

    /// Books the custodian's confirmation of a cash dividend credited to the reserve
    /// account (MT566-style: gross rate per share, cash credited, record and pay dates):
    /// a `cash-dividend` movement of the cash on the reserve account (trade date the
    /// record date, settlement the pay date, a business day) and, beside it, the receipt
    /// with its dates. Refused unless the book is settled through the record date and
    /// `cash == ⌊rate × settled reserve shares at the record date⌋` to the cent unit
    /// (10^-6 USD). Idempotent by reference: the same confirmation again books nothing
    /// (false); the reference with other details is refused.
    public func receiveDividend(reference: String, isin: ISIN, rate rateText: String, cash cashText: String, currency: String,
                                recordDate: SettlementDate, payDate: SettlementDate) throws(BridgeError) -> (receipt: DividendReceipt, isNew: Bool) {
        guard currency == "USD" else { throw .dividend(.unsupportedCurrency(currency)) }
        let rate = try usdUnits(rateText, field: "rate", maximum: 1_000_000_000_000)
        let cash = try usdUnits(cashText, field: "cash", maximum: UInt64.max)
        guard payDate >= recordDate else { throw .dividend(.payBeforeRecord(record: recordDate, pay: payDate)) }
        try alignReserve()
        let shares = try reserveShares(isin, at: recordDate)
        // rate < 2^40 and shares < 2^128: the product is taken full width.
        let product = shares.raw.multipliedFullWidth(by: UInt128(rate))
        let expected = Quantity.scale.dividingFullWidth(product).quotient
        guard expected == UInt128(cash) else {
            throw .dividend(.cashMismatch(reference: reference, cash: cashText, rate: rateText, shares: shares,
                                          expected: Amount.format(expected, decimals: Amount.cashDecimals)))
        }
        let receipt = DividendReceipt(reference: reference, isin: isin, currency: currency, amountPerShare: rate, cash: cash,
                                      recordDate: recordDate, payDate: payDate, reserveShares: shares)
        let prior = try storage { () throws(BridgeStorageError) in try dividendReceipts.receipt(reference: reference) }
        if let prior, !prior.sameReceipt(as: receipt) { throw .dividend(.conflictingReceipt(reference: reference)) }
        let movement = Movement(
            reference: reference, kind: .cashDividend, account: configuration.reserveAccount, isin: isin,
            quantity: Quantity(raw: UInt128(cash) * Self.usdToQuantity), currency: currency,
            tradeDate: recordDate, settlementDate: payDate, counterparty: "cash dividend \(isin)")
        do { try ledger.record(movement) } catch { throw .custody(error) }
        guard prior == nil else { return (prior ?? receipt, false) }
        try storage { () throws(BridgeStorageError) in try dividendReceipts.write(receipt) }
        return (receipt, true)
    }

    /// The reserve account's settled shares of `isin` at the end of `date`: its settled
    /// share movements dated on or before it.
    func reserveShares(_ isin: ISIN, at date: SettlementDate) throws(BridgeError) -> Quantity {
        let book = ledger.book
        guard let through = book.settledThrough, through >= date else {
            throw .dividend(.recordDateNotSettled(record: date, settledThrough: book.settledThrough))
        }
        var settled = Quantity.zero
        for m in book.movements(account: configuration.reserveAccount)
        where m.isin == isin && m.kind != .cashDividend && m.settlementDate <= date && book.isSettled(m) {
            do {
                settled = m.kind.isIncomingShares ? try settled.adding(m.quantity) : try settled.subtracting(m.quantity)
            } catch { throw .arithmetic("the reserve's \(isin) at \(date): \(error)") }
        }
        return settled
    }

    private func usdUnits(_ text: String, field: String, maximum: UInt64) throws(BridgeError) -> UInt64 {
        let units: UInt128
        do { units = try Amount.parse(text, decimals: Amount.cashDecimals) } catch {
            throw .dividend(.badAmount(field: field, text: text, reason: "\(error)"))
        }
        guard units > 0 else { throw .dividend(.badAmount(field: field, text: text, reason: "it must be more than zero")) }
        guard units <= UInt128(maximum) else {
            throw .dividend(.badAmount(field: field, text: text, reason: "at most \(Amount.format(UInt128(maximum), decimals: Amount.cashDecimals))"))
        }
        return UInt64(units)
    }
}
