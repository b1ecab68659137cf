/// Why a correctly signed transaction is not admitted to the pool or not includable in
/// a block. Messages start with geth's wording where geth has the same rule.
public enum TransactionRejection: Error, Equatable, Sendable, CustomStringConvertible {
    case nonceTooLow(sender: Address, tx: UInt64, state: UInt64)
    case nonceTooHigh(sender: Address, tx: UInt64, state: UInt64)
    /// A nonce of 2^64 - 1, which no account can ever reach past (EIP-2681).
    case nonceMax(sender: Address, nonce: UInt64)
    case alreadyKnown
    case replacementUnderpriced
    case intrinsicGasTooLow(have: UInt64, want: UInt64)
    case exceedsBlockGasLimit(gas: UInt64, limit: UInt64)
    /// A transaction that sends value: there is no native currency, every balance is 0.
    case insufficientFunds(value: UInt256)
    case contractCreation
    case poolFull
    case senderQueueFull(sender: Address, limit: Int)
    /// A call the current state refuses (frozen, paused, not verified, insufficient balance, …).
    case refused(reason: String)

    public var description: String {
        switch self {
        case .nonceTooLow(let a, let tx, let state): return "nonce too low: address \(a), tx: \(tx) state: \(state)"
        case .nonceTooHigh(let a, let tx, let state): return "nonce too high: address \(a), tx: \(tx) state: \(state)"
        case .nonceMax(let a, let nonce): return "nonce has max value: address \(a), nonce: \(nonce)"
        case .alreadyKnown: return "already known"
        case .replacementUnderpriced: return "replacement transaction underpriced"
        case .intrinsicGasTooLow(let have, let want): return "intrinsic gas too low: have \(have), want \(want)"
        case .exceedsBlockGasLimit(let gas, let limit): return "exceeds block gas limit: gas \(gas), limit \(limit)"
        case .insufficientFunds(let value):
            return "insufficient funds for gas * price + value: balance 0, tx cost \(value) (this chain has no native currency; send value 0)"
        case .contractCreation: return "contract creation is not supported: this chain has no EVM; share tokens are native"
        case .poolFull: return "txpool is full"
        case .senderQueueFull(let a, let limit): return "txpool is full: account \(a) already has \(limit) pending transactions"
        case .refused(let reason): return reason
        }
    }
}
