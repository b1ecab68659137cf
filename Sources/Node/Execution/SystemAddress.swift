/// The fixed addresses of the chain's native system "contracts". Like the share tokens,
/// they have no EVM code: the node executes their ABI calls directly.
public enum SystemAddress {
    /// The identity registry and compliance controls (`ComplianceInterface`).
    public static let compliance = Address(w0: 0, w1: 0, w2: 0x1001)
    /// The proof-of-reserve registry: the custodian's latest attestation per share token
    /// (`ReservesInterface`).
    public static let reserves = Address(w0: 0, w1: 0, w2: 0x1004)

    /// Every system address.
    public static let all: [Address] = [compliance, reserves]
}
