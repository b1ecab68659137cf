import Custody

/// Why a bridge operation failed. Each message says what to do.
public enum BridgeError: Error, Sendable, CustomStringConvertible {
    case dataDirectory(BridgeDataDirectoryError)
    case storage(BridgeStorageError)
    case custody(CustodyLedgerError)
    case node(NodeRPCError)
    case keys(KeyRing.Failure)
    /// A statement file could not be read.
    case unreadableFile(path: String, String)
    /// The calendar has no date for an event (a block timestamp beyond its years).
    case calendar(String)
    /// The node is on another chain than the transactions were signed for.
    case chainMismatch(expected: UInt64, node: UInt64)
    /// No custodian key is configured.
    case noCustodianKey
    /// A sum of shares does not fit 128 bits (a corrupt book or a hostile node).
    case arithmetic(String)
    /// A proof-of-reserve attestation cannot be built (`attest`).
    case attestation(ReserveAttestationError)
    /// The statement file given to `attest` is not the reserve account's last applied statement.
    case statementMismatch(path: String, String)
    /// A cash dividend receipt cannot be booked, declared or paid.
    case dividend(DividendError)

    public var description: String {
        switch self {
        case .dataDirectory(let e): return e.description
        case .storage(let e): return e.description
        case .custody(let e): return e.description
        case .node(let e): return e.description
        case .keys(let e): return e.description
        case .unreadableFile(let p, let m): return "cannot read \(p): \(m)"
        case .calendar(let m): return m
        case .chainMismatch(let e, let n): return "the node serves chain \(n), but the journal's transactions are signed for chain \(e)"
        case .arithmetic(let m): return m
        case .attestation(let e): return e.description
        case .statementMismatch(let p, let m): return "\(p): \(m)"
        case .dividend(let e): return e.description
        case .noCustodianKey:
            return "no custodian key: import the key that holds the chain's custodian role with `equity-bridge keys import --custodian`"
        }
    }
}
