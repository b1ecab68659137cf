/// Why raw transaction bytes or a transaction's signature are refused.
///
/// The messages start with geth's wording (`transaction type not supported`,
/// `invalid chain id for signer`, `invalid transaction v, r, s values`, …) so tools that
/// match on geth's errors understand ours, then say what exactly was wrong.
public enum TransactionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No bytes, or a type byte with no payload after it.
    case tooShort(count: Int)
    /// A typed envelope whose type byte is not 0x01 or 0x02 (blob 0x03, set-code 0x04, …).
    case unsupportedType(UInt8)
    /// The RLP is malformed or not the shape of the transaction type; `field` names the
    /// field being read, or is `nil` for the envelope and the field list itself.
    case malformed(TransactionType, field: String?, RLPError)
    /// A legacy `v` that is neither 27/28 nor 35/36 + 2·chainId.
    case invalidV(UInt256)
    /// A legacy `v` whose EIP-155 chain id does not fit 64 bits.
    case chainIdTooLarge(v: UInt256)
    /// A typed transaction's signature parity other than 0 or 1.
    case invalidYParity(UInt64)
    /// r or s out of range, a high s, or a signature from which no key recovers.
    case invalidSignature(Secp256k1.Failure)
    /// A transaction signed for another chain.
    case invalidChainId(have: UInt64, want: UInt64)
    /// A legacy transaction without EIP-155 replay protection, refused by policy.
    case unprotected

    public var description: String {
        switch self {
        case .tooShort(let n):
            return n == 0
                ? "typed transaction too short: no bytes were given"
                : "typed transaction too short: a type byte with no payload"
        case .unsupportedType(let t):
            return "transaction type not supported: type 0x\(String(t, radix: 16)) (this node accepts legacy, EIP-2930 type 0x1 and EIP-1559 type 0x2)"
        case .malformed(let type, let field, let rlp):
            let place = field.map { "\(type) transaction, field \($0)" } ?? "\(type) transaction"
            return "\(rlp) (\(place))"
        case .invalidV(let v):
            return "invalid transaction v, r, s values: v = \(v) is neither 27/28 nor 35/36 + 2·chainId (EIP-155)"
        case .chainIdTooLarge(let v):
            return "invalid transaction v, r, s values: v = \(v) implies a chain id above 2^64 - 1"
        case .invalidYParity(let y):
            return "invalid transaction v, r, s values: yParity \(y) is not 0 or 1"
        case .invalidSignature(let failure):
            return "invalid sender: invalid transaction v, r, s values: \(Self.detail(failure))"
        case .invalidChainId(let have, let want):
            return "invalid chain id for signer: have \(have) want \(want) (sign for chain id \(want))"
        case .unprotected:
            return "only replay-protected (EIP-155) transactions allowed over RPC"
        }
    }

    private static func detail(_ failure: Secp256k1.Failure) -> String {
        switch failure {
        case .signatureValueOutOfRange(let v): return "\(v) is zero or not below the curve order"
        case .highS: return "s is above n/2, which EIP-2 forbids (re-sign with a low-s signer)"
        case .recoveryFailed: return "no public key recovers from this signature"
        default: return failure.description
        }
    }
}
