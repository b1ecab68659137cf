import Testing
@testable import Custody

@Suite("Custody book")
struct CustodyBookTests {
    typealias F = Fixtures

    func book() -> CustodyBook { CustodyBook(reserveAccount: F.reserve, calendar: F.nyse2026) }

    @Test func receiptIsPendingUntilItsSettlementDate() throws {
        var b = book()
        let trade = F.date("2026-11-25")
        let settle = try F.nyse2026.settlementDate(tradeDate: trade)
        #expect(settle == F.date("2026-11-27"))
        try b.record(Movement(reference: "RCV-1", kind: .receive, account: F.reserve, isin: F.aapl, quantity: F.q("100"),
                              tradeDate: trade, settlementDate: settle, counterparty: "DTC 0352", chainAddress: F.wallet))
        #expect(b.position(account: F.reserve, isin: F.aapl) == CustodyPosition(pendingIncoming: F.q("100")))
        #expect(b.settledReserve.isEmpty)
        #expect(b.reserveDepositsToMint.isEmpty)

        #expect(try b.settle(asOf: F.date("2026-11-25")).isEmpty)
        let settled = try b.settle(asOf: F.date("2026-11-27"))
        #expect(settled.map(\.reference) == ["RCV-1"])
        #expect(b.position(account: F.reserve, isin: F.aapl) == CustodyPosition(settled: F.q("100")))
        #expect(b.settledReserve == [F.aapl: F.q("100")])
        #expect(b.reserveDepositsToMint.map(\.reference) == ["RCV-1"])
        #expect(try b.settle(asOf: F.date("2026-11-27")).isEmpty)  // a second run settles nothing
    }

    @Test func sameReferenceTwiceCountsOnce() throws {
        var b = book()
        let m = F.movement("DWAC-7", .dwacDeposit, "25", trade: "2026-11-30", settle: "2026-11-30", chainAddress: F.wallet)
        #expect(try b.record(m))
        #expect(try !b.record(m))
        #expect(b.movements().count == 1)
        #expect(b.position(account: F.reserve, isin: F.aapl).pendingIncoming == F.q("25"))
    }

    @Test func sameReferenceWithOtherContentIsRefusedLoudly() throws {
        var b = book()
        try b.record(F.movement("DWAC-7", .dwacDeposit, "25", trade: "2026-11-30", settle: "2026-11-30"))
        let before = b.movements()
        #expect(throws: CustodyBookError.conflictingReference("DWAC-7")) {
            try b.record(F.movement("DWAC-7", .dwacDeposit, "26", trade: "2026-11-30", settle: "2026-11-30"))
        }
        #expect(b.movements() == before)
        #expect(b.position(account: F.reserve, isin: F.aapl).pendingIncoming == F.q("25"))
    }

    @Test func deliveriesMustBeCoveredBySettlementDate() throws {
        var b = book()
        try b.record(F.movement("RCV-1", .receive, account: F.customer, "10", trade: "2026-11-25", settle: "2026-11-27"))
        // Covered: the receipt settles by the delivery's date.
        try b.record(F.movement("DLV-1", .deliver, account: F.customer, "4", trade: "2026-11-27", settle: "2026-11-30"))
        // Not covered: only 6 remain.
        #expect(throws: CustodyBookError.insufficientShares(reference: "DLV-2", account: F.customer, isin: F.aapl,
                                                            coverable: F.q("6"), requested: F.q("6.5"))) {
            try b.record(F.movement("DLV-2", .deliver, account: F.customer, "6.5", trade: "2026-11-27", settle: "2026-11-30"))
        }
        // A delivery settling before the receipt cannot count on it.
        #expect(throws: CustodyBookError.insufficientShares(reference: "DLV-3", account: F.customer, isin: F.aapl,
                                                            coverable: F.q("0"), requested: F.q("1"))) {
            try b.record(F.movement("DLV-3", .deliver, account: F.customer, "1", trade: "2026-11-24", settle: "2026-11-25"))
        }
        try b.settle(asOf: F.date("2026-11-30"))
        #expect(b.position(account: F.customer, isin: F.aapl) == CustodyPosition(settled: F.q("6")))
    }

    @Test func withdrawalsInFlightUntilTheySettle() throws {
        var b = book()
        try b.record(F.movement("DWAC-1", .dwacDeposit, "100", trade: "2026-11-25", settle: "2026-11-25", chainAddress: F.wallet))
        try b.settle(asOf: F.date("2026-11-25"))
        try b.record(F.movement("WDR-1", .dwacWithdrawal, "40", trade: "2026-11-27", settle: "2026-11-30"))
        #expect(b.withdrawalsInFlight.map(\.reference) == ["WDR-1"])
        #expect(b.position(account: F.reserve, isin: F.aapl).available == F.q("60"))
        #expect(b.settledReserve == [F.aapl: F.q("100")])
        try b.settle(asOf: F.date("2026-11-30"))
        #expect(b.withdrawalsInFlight.isEmpty)
        #expect(b.settledReserve == [F.aapl: F.q("60")])
    }

    @Test func cashDividendsAndCorporateActionCredits() throws {
        var b = book()
        try b.record(F.movement("DWAC-1", .dwacDeposit, "100", trade: "2026-11-02", settle: "2026-11-02"))
        try b.record(F.movement("CA-DIV-1", .cashDividend, "26", trade: "2026-11-10", settle: "2026-11-13", currency: "USD"))
        try b.record(F.movement("CA-SPLIT-1", .corporateActionShares, "300", trade: "2026-11-13", settle: "2026-11-16"))
        try b.record(F.movement("CA-DIV-C", .cashDividend, account: F.customer, "1.3", trade: "2026-11-10", settle: "2026-11-13", currency: "USD"))
        #expect(b.cashDividendReceipts.isEmpty)
        try b.settle(asOf: F.date("2026-11-16"))
        #expect(b.cashDividendReceipts.map(\.reference) == ["CA-DIV-1"])
        #expect(b.cashDividendReceipts.first?.currency == "USD")
        #expect(b.settledReserve == [F.aapl: F.q("400")])  // cash is not a share position
    }

    @Test func backdatedMovementSettlesAtOnce() throws {
        var b = book()
        try b.settle(asOf: F.date("2026-11-30"))
        try b.record(F.movement("LATE-1", .receive, "5", trade: "2026-11-24", settle: "2026-11-25"))
        #expect(b.settledReserve == [F.aapl: F.q("5")])
        #expect(b.isSettled(F.movement("LATE-1", .receive, "5", trade: "2026-11-24", settle: "2026-11-25")))
    }

    @Test func invalidMovementsAreRefusedAndChangeNothing() throws {
        var b = book()
        let cases: [(Movement, CustodyBookError)] = [
            (F.movement("", .receive, "1", trade: "2026-11-25", settle: "2026-11-27"), .badReference("")),
            (F.movement("Z-0", .receive, "0", trade: "2026-11-25", settle: "2026-11-27"), .zeroQuantity(reference: "Z-0")),
            (F.movement("D-1", .receive, "1", trade: "2026-11-27", settle: "2026-11-25"),
             .settlementBeforeTrade(reference: "D-1", trade: F.date("2026-11-27"), settlement: F.date("2026-11-25"))),
            (F.movement("H-1", .receive, "1", trade: "2026-11-25", settle: "2026-11-26"), .notBusinessDay(reference: "H-1", F.date("2026-11-26"))),
            (F.movement("Y-1", .receive, "1", trade: "2026-12-31", settle: "2027-01-04"),
             .calendar(reference: "Y-1", .notCovered(F.date("2027-01-04")))),
            (F.movement("C-1", .cashDividend, "1", trade: "2026-11-25", settle: "2026-11-27"), .missingCurrency(reference: "C-1")),
            (F.movement("C-2", .cashDividend, "1", trade: "2026-11-25", settle: "2026-11-27", currency: "usd"), .badCurrency(reference: "C-2", "usd")),
            (F.movement("C-3", .receive, "1", trade: "2026-11-25", settle: "2026-11-27", currency: "USD"), .currencyOnShareMovement(reference: "C-3")),
            (F.movement("A-1", .receive, account: F.customer, "1", trade: "2026-11-25", settle: "2026-11-27", chainAddress: F.wallet),
             .chainAddressNotAllowed(reference: "A-1")),
            (F.movement("A-2", .corporateActionShares, "1", trade: "2026-11-25", settle: "2026-11-27", chainAddress: F.wallet),
             .chainAddressNotAllowed(reference: "A-2")),
        ]
        for (movement, expected) in cases {
            #expect(throws: expected) { try b.record(movement) }
        }
        #expect(b.movements().isEmpty)
        #expect(b.positions(account: F.reserve).isEmpty)
        #expect(b.accounts == [F.reserve])
    }

    @Test func holdingStatementOfTheBook() throws {
        var b = book()
        try b.record(F.movement("DWAC-1", .dwacDeposit, "100", trade: "2026-11-25", settle: "2026-11-25"))
        try b.record(F.movement("DWAC-2", .dwacDeposit, isin: F.msft, "12.5", trade: "2026-11-25", settle: "2026-11-25"))
        try b.settle(asOf: F.date("2026-11-25"))
        try b.record(F.movement("WDR-1", .dwacWithdrawal, "40", trade: "2026-11-27", settle: "2026-11-30"))
        let s = b.holdingStatement(account: F.reserve, id: "BOOK-20261127", asOf: F.date("2026-11-27"))
        #expect(s.update == .complete)
        #expect(s.holdings.balances[F.aapl] == (try HoldingBalance(aggregate: F.q("100"), available: F.q("60"), notAvailable: F.q("40"))))
        #expect(s.holdings.balances[F.msft] == (try HoldingBalance(aggregate: F.q("12.5"), available: F.q("12.5"), notAvailable: F.q("0"))))
    }
}
