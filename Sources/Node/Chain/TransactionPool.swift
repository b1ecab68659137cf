/// Transactions admitted but not yet executed: future nonces waiting for a gap to
/// close, per sender, in nonce order. (Executable transactions run on admission; see
/// `Chain`.) Bounded in total and per sender; a transaction with the same sender and
/// nonce replaces a queued one only when both its fee caps are at least 10% higher,
/// as geth's price bump.
public struct TransactionPool: Sendable {
    public let capacity: Int
    public let perSenderLimit: Int
    /// The percentage a replacement's fees must exceed the replaced one's.
    public static let priceBumpPercent: UInt64 = 10

    private var queued: [Address: [UInt64: VerifiedTransaction]] = [:]
    /// Where each queued transaction is, by hash.
    private var locations: [Bytes32: (sender: Address, nonce: UInt64)] = [:]

    public init(capacity: Int = 100_000, perSenderLimit: Int = 1_024) {
        self.capacity = capacity
        self.perSenderLimit = perSenderLimit
    }

    /// How many transactions wait.
    public var count: Int { locations.count }

    public func contains(_ hash: Bytes32) -> Bool { locations[hash] != nil }

    /// The queued transaction with `hash`, if any.
    public func transaction(hash: Bytes32) -> VerifiedTransaction? {
        guard let (sender, nonce) = locations[hash] else { return nil }
        return queued[sender]?[nonce]
    }

    /// Senders with waiting transactions, in address order.
    public var senders: [Address] { queued.keys.sorted() }

    /// Queues `tx`, replacing a same-nonce transaction of its sender if the price bump allows.
    public mutating func add(_ tx: VerifiedTransaction) throws(TransactionRejection) {
        if locations[tx.hash] != nil { throw .alreadyKnown }
        let nonce = tx.transaction.transaction.nonce
        var mine = queued[tx.sender, default: [:]]
        if let old = mine[nonce] {
            guard Self.isPriceBump(from: old, to: tx) else { throw .replacementUnderpriced }
            locations[old.hash] = nil
        } else {
            guard locations.count < capacity else { throw .poolFull }
            guard mine.count < perSenderLimit else { throw .senderQueueFull(sender: tx.sender, limit: perSenderLimit) }
        }
        mine[nonce] = tx
        queued[tx.sender] = mine
        locations[tx.hash] = (tx.sender, nonce)
    }

    /// Removes and returns `sender`'s transaction with `nonce`, if queued.
    public mutating func take(sender: Address, nonce: UInt64) -> VerifiedTransaction? {
        guard var mine = queued[sender], let tx = mine.removeValue(forKey: nonce) else { return nil }
        queued[sender] = mine.isEmpty ? nil : mine
        locations[tx.hash] = nil
        return tx
    }

    static func isPriceBump(from old: VerifiedTransaction, to new: VerifiedTransaction) -> Bool {
        let a = old.transaction.transaction, b = new.transaction.transaction
        return bumped(a.maxFeePerGas, b.maxFeePerGas) && bumped(a.maxPriorityFeePerGas, b.maxPriorityFeePerGas)
    }

    /// new × 100 ≥ old × (100 + bump), and strictly greater when old is zero.
    private static func bumped(_ old: UInt256, _ new: UInt256) -> Bool {
        if old == .zero { return new > .zero }
        let (lhs, o1) = new.multipliedReportingOverflow(by: UInt256(100 as UInt64))
        let (rhs, o2) = old.multipliedReportingOverflow(by: UInt256(100 + priceBumpPercent))
        if o1 { return true }
        if o2 { return false }
        return lhs >= rhs
    }
}
