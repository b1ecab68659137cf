/// The kinds of Ethereum transaction this node accepts (EIP-2718 type numbers).
///
/// `legacy` is the untyped RLP list (with or without EIP-155 replay protection); it has
/// no type byte on the wire, so a typed envelope starting with 0x00 is refused like any
/// other unsupported type, as geth does.
public enum TransactionType: UInt8, Sendable, Hashable, CustomStringConvertible {
    /// The original RLP list: nonce, gasPrice, gas, to, value, data, v, r, s.
    case legacy = 0x00
    /// EIP-2930: a typed envelope 0x01 with a chain id and an access list.
    case accessList = 0x01
    /// EIP-1559: a typed envelope 0x02 with priority and maximum fees per gas.
    case dynamicFee = 0x02

    /// The EIP name, as error messages use it.
    public var description: String {
        switch self {
        case .legacy: return "legacy"
        case .accessList: return "EIP-2930"
        case .dynamicFee: return "EIP-1559"
        }
    }
}
