/// The fixed addresses of the chain's native system "contracts". Like the share tokens,
/// they have no EVM code: the node executes their ABI calls directly.
public enum SystemAddress {
    /// The identity registry and compliance controls (`ComplianceInterface`).
    public static let compliance = Address(w0: 0, w1: 0, w2: 0x1001)
    /// The proof-of-reserve registry: the custodian's latest attestation per share token
    /// (`ReservesInterface`).
    public static let reserves = Address(w0: 0, w1: 0, w2: 0x1004)

    /// The corporate-actions contract: dividends (it holds their USD) and multiplier
    /// changes (`DividendsInterface`).
    public static let dividends = Address(w0: 0, w1: 0, w2: 0x1003)

    /// Dividend withholding: an account without a key or code that holds the USD
    /// withheld from dividend payments.
    public static let withholding = Address(w0: 0, w1: 0, w2: 0x1005)

    /// Accounts that hold funds for others (declared dividends, withheld tax): no role
    /// may register, burn from or force a transfer out of them.
    public static let fundAccounts: Set<Address> = [dividends, withholding]

    /// Every system address.
    public static let all: [Address] = [compliance, dividends, reserves]
}
