import Custody
import Node

/// A cash dividend received in custody for the reserve account, as `dividends receive`
/// books it (beside its `cash-dividend` movement), and how far it has been passed on to
/// the token holders. Kept in the database's `meta` family under `dividend:<reference>`.
public struct DividendReceipt: Codable, Sendable, Equatable {
    /// The custody movement's reference (the confirmation's).
    public var reference: String
    public var isin: ISIN
    public var currency: String
    /// Gross rate in USD units (6 decimals) per share (64 bits: the chain caps it at $1,000,000).
    public var amountPerShare: UInt64
    /// Cash credited in USD units (64 bits: up to $18 trillion).
    public var cash: UInt64
    public var recordDate: SettlementDate
    public var payDate: SettlementDate
    /// Settled reserve shares at the record date.
    public var reserveShares: Quantity

    /// The share token (once declared).
    public var token: String?
    /// The on-chain dividend id (once declared).
    public var dividendId: UInt64?
    /// Chain record and pay times (Unix seconds) of the declaration.
    public var recordTime: UInt64?
    public var payTime: UInt64?
    /// USD minted to the custodian and locked by the declaration.
    public var funded: UInt64?
    /// Holders paid by `dividends pay` so far.
    public var pushedHolders: Int
    /// Set once no holder of record is left unpaid.
    public var fullyPaid: Bool

    public init(reference: String, isin: ISIN, currency: String, amountPerShare: UInt64, cash: UInt64,
                recordDate: SettlementDate, payDate: SettlementDate, reserveShares: Quantity) {
        self.reference = reference
        self.isin = isin
        self.currency = currency
        self.amountPerShare = amountPerShare
        self.cash = cash
        self.recordDate = recordDate
        self.payDate = payDate
        self.reserveShares = reserveShares
        pushedHolders = 0
        fullyPaid = false
    }

    /// Whether two bookings of a reference say the same thing (the chain progress aside).
    public func sameReceipt(as other: DividendReceipt) -> Bool {
        reference == other.reference && isin == other.isin && currency == other.currency && amountPerShare == other.amountPerShare
            && cash == other.cash && recordDate == other.recordDate && payDate == other.payDate
    }

    /// Where it stands: received, declared, paid.
    public var state: String { fullyPaid ? "paid" : dividendId != nil ? "declared" : "received" }

    /// The cash token's deposit id of the USD minted for it: keccak256("dividend" ‖ reference).
    public static func depositId(reference: String) -> Bytes32 { Keccak256.hash(Array("dividend".utf8) + Array(reference.utf8)) }
}
