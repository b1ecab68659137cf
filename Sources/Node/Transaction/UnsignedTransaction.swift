/// A transaction of any supported type before signing: what a wallet fills in and what
/// the signature covers.
public enum UnsignedTransaction: Sendable, Hashable {
    case legacy(LegacyTransaction)
    case accessList(AccessListTransaction)
    case dynamicFee(DynamicFeeTransaction)

    public var type: TransactionType {
        switch self {
        case .legacy: return .legacy
        case .accessList: return .accessList
        case .dynamicFee: return .dynamicFee
        }
    }

    /// The chain the transaction is signed for; `nil` only for a pre-EIP-155 legacy one.
    public var chainId: UInt64? {
        switch self {
        case .legacy(let tx): return tx.chainId
        case .accessList(let tx): return tx.chainId
        case .dynamicFee(let tx): return tx.chainId
        }
    }

    public var nonce: UInt64 {
        switch self {
        case .legacy(let tx): return tx.nonce
        case .accessList(let tx): return tx.nonce
        case .dynamicFee(let tx): return tx.nonce
        }
    }

    public var gasLimit: UInt64 {
        switch self {
        case .legacy(let tx): return tx.gasLimit
        case .accessList(let tx): return tx.gasLimit
        case .dynamicFee(let tx): return tx.gasLimit
        }
    }

    /// The most paid per gas: `gasPrice` for legacy and EIP-2930, `maxFeePerGas` for EIP-1559.
    public var maxFeePerGas: UInt256 {
        switch self {
        case .legacy(let tx): return tx.gasPrice
        case .accessList(let tx): return tx.gasPrice
        case .dynamicFee(let tx): return tx.maxFeePerGas
        }
    }

    /// The most paid per gas above the base fee: `gasPrice` for legacy and EIP-2930 (all
    /// of it may go to the tip, as geth treats them), `maxPriorityFeePerGas` for EIP-1559.
    public var maxPriorityFeePerGas: UInt256 {
        switch self {
        case .legacy(let tx): return tx.gasPrice
        case .accessList(let tx): return tx.gasPrice
        case .dynamicFee(let tx): return tx.maxPriorityFeePerGas
        }
    }

    /// The recipient, or `nil` for a contract creation.
    public var to: Address? {
        switch self {
        case .legacy(let tx): return tx.to
        case .accessList(let tx): return tx.to
        case .dynamicFee(let tx): return tx.to
        }
    }

    public var value: UInt256 {
        switch self {
        case .legacy(let tx): return tx.value
        case .accessList(let tx): return tx.value
        case .dynamicFee(let tx): return tx.value
        }
    }

    /// The calldata (for a share token, an ERC-20 call).
    public var data: [UInt8] {
        switch self {
        case .legacy(let tx): return tx.data
        case .accessList(let tx): return tx.data
        case .dynamicFee(let tx): return tx.data
        }
    }

    /// The EIP-2930 access list; empty for legacy transactions.
    public var accessList: [AccessListEntry] {
        switch self {
        case .legacy: return []
        case .accessList(let tx): return tx.accessList
        case .dynamicFee(let tx): return tx.accessList
        }
    }

    /// The bytes whose Keccak-256 the sender signs.
    public var signingData: [UInt8] {
        switch self {
        case .legacy(let tx): return tx.signingData
        case .accessList(let tx): return tx.signingData
        case .dynamicFee(let tx): return tx.signingData
        }
    }

    /// Keccak-256 of `signingData`: the digest the signature is over.
    public var signingHash: Bytes32 { Keccak256.hash(signingData) }

    /// Signs with `key` (RFC 6979, low s), giving the transaction a wallet would send.
    public func sign(with key: Secp256k1.PrivateKey) -> SignedTransaction {
        SignedTransaction(transaction: self, signature: key.sign(digest: signingHash))
    }
}
