/// The fixed addresses of the chain's native system "contracts". Like the share tokens,
/// they have no EVM code: the node executes their ABI calls directly.
public enum SystemAddress {
    /// The identity registry and compliance controls (`ComplianceInterface`).
    public static let compliance = Address(w0: 0, w1: 0, w2: 0x1001)
    /// The exchange: orders, books and settlement escrow (`ExchangeInterface`).
    public static let exchange = Address(w0: 0, w1: 0, w2: 0x1002)

    /// Every system address.
    public static let all: [Address] = [compliance, exchange]
}
