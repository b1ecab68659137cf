import Custody
import Foundation
import Node

extension ReserveBridge {
    /// Imports one statement file (semt.002, MT535 or CSV): all of it or nothing. Pages
    /// of an incomplete statement are held; when a statement of the reserve account is
    /// complete, the book is brought level with it (`alignReserve`).
    public func importStatement(atPath path: String) throws(BridgeError) -> StatementImportResult {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw .unreadableFile(path: path, error.localizedDescription)
        }
        let outcomes: [StatementOutcome]
        do { outcomes = try ledger.importStatementFile(bytes) } catch { throw .custody(error) }
        let (settled, booked) = try alignReserve()
        return StatementImportResult(path: path, outcomes: outcomes, booked: booked, settled: settled)
    }

    /// Brings the book level with the reserve account's latest complete statement:
    ///
    /// 1. settles every movement due by the statement's date (so a withdrawal is complete
    ///    once a statement dated on or after its settlement date is in);
    /// 2. per ISIN, books the difference between the statement's aggregate and the
    ///    book's settled reserve as one movement, dated the statement's date (the last
    ///    business day on or before it): a rise is a `dwacDeposit` carrying the
    ///    statement's chain address (`BlckChainAdrOrWllt`, CSV `chain_address`) when it
    ///    has one — a deposit to mint — else a `receive`; a fall is a `deliver`.
    ///
    /// The movement's reference is `ST-` and the first 32 hex digits of
    /// keccak256(account ‖ 0 ‖ statement id ‖ 0 ‖ ISIN), so running this again (after a
    /// crash between the import and the booking) books nothing twice. Every command
    /// runs it before it reads the book.
    @discardableResult
    public func alignReserve() throws(BridgeError) -> (settled: [Movement], booked: [Movement]) {
        let reserve = configuration.reserveAccount
        guard let current = ledger.statements.current[reserve] else { return ([], []) }
        guard let day = calendar.businessDay(onOrBefore: current.asOf) else {
            throw .calendar("statement \(current.id) is dated \(current.asOf), which the XNYS settlement calendar does not cover")
        }
        let settled: [Movement]
        do { settled = try ledger.settle(asOf: current.asOf) } catch { throw .custody(error) }
        let wallet = ledger.statements.history.last(where: { $0.account == reserve })?.holdings.wallet
        let held = ledger.book.settledReserve
        var booked: [Movement] = []
        for isin in Set(held.keys).union(current.holdings.balances.keys).sorted() {
            let book = held[isin] ?? .zero
            let statement = current.holdings.balances[isin]?.aggregate ?? .zero
            guard book != statement else { continue }
            let rise = statement > book
            let movement = Movement(
                reference: Self.statementReference(account: reserve, statementId: current.id, isin: isin),
                kind: rise ? (wallet == nil ? .receive : .dwacDeposit) : .deliver,
                account: reserve, isin: isin,
                quantity: Quantity(raw: rise ? statement.raw - book.raw : book.raw - statement.raw),
                tradeDate: day, settlementDate: day, counterparty: "statement \(current.id)",
                chainAddress: rise ? wallet : nil)
            do { if try ledger.record(movement) { booked.append(movement) } } catch { throw .custody(error) }
        }
        return (settled, booked)
    }

    /// The reference of the movement a statement's difference books (see `alignReserve`).
    public static func statementReference(account: SafekeepingAccount, statementId: String, isin: ISIN) -> String {
        let digest = Keccak256.hash(Array(account.id.utf8) + [0] + Array(statementId.utf8) + [0] + Array(isin.code.utf8))
        return "ST-" + String(digest.hex.dropFirst(2).prefix(32))
    }
}
