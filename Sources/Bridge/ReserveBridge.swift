import Custody
import Foundation
import Logging
import Node

/// The custodian's bridge over one data directory: the custody ledger kept in the
/// bridge's RocksDB, the mint journal, and the workflows that keep the book and the
/// chain equal — statement import, minting, following redemptions, reconciliation.
///
/// One instance per process and data directory (RocksDB locks it); its methods run one
/// at a time from the task that owns it.
public final class ReserveBridge {
    public let directory: BridgeDataDirectory
    public let configuration: BridgeConfiguration
    public let database: BridgeDatabase
    public let journal: MintJournal
    public let calendar: XNYSSettlementCalendar
    public internal(set) var ledger: CustodyLedger<RocksDBCustodyLedgerStore>
    let logger: Logger

    /// Opens the bridge in an initialised data directory, replaying its custody ledger.
    public init(directory: BridgeDataDirectory, calendar: XNYSSettlementCalendar = XNYSSettlementCalendar(),
                logger: Logger = Logger(label: "equity-bridge")) throws(BridgeError) {
        do {
            configuration = try directory.configuration()
            database = try directory.openDatabase()
        } catch { throw .dataDirectory(error) }
        do {
            ledger = try CustodyLedger(store: RocksDBCustodyLedgerStore(database: database),
                                       reserveAccount: configuration.reserveAccount, calendar: calendar)
        } catch {
            database.close()
            throw .custody(error)
        }
        self.directory = directory
        self.journal = MintJournal(database: database)
        self.calendar = calendar
        self.logger = logger
    }

    /// Closes the database.
    public func close() { database.close() }

    /// The reserve account's movements, in booking order.
    public var reserveMovements: [Movement] { ledger.book.movements(account: configuration.reserveAccount) }
}
