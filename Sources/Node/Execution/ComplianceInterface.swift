/// The compliance system contract at `SystemAddress.compliance` (documented in
/// docs/api.md). State-changing functions are for the compliance role only.
///
/// Codes: tax category 0 domestic, 1 treaty, 2 nonTreaty, 3 exempt; pause scope is a
/// bit mask, 1 transfers, 2 mint, 4 redeem; `token` zero in `pause`/`unpause` means the
/// whole chain.
public enum ComplianceInterface {
    public static let registerIdentity = ABIFunction(
        name: "registerIdentity", inputs: [.address, .string, .string, .uint(64), .uint(8)], outputs: [.bool])
    public static let removeWallet = ABIFunction(name: "removeWallet", inputs: [.address], outputs: [.bool])
    public static let setCountryRules = ABIFunction(
        name: "setCountryRules", inputs: [.address, .array(.string), .array(.string)], outputs: [.bool])
    public static let freeze = ABIFunction(name: "freeze", inputs: [.address, .address, .string], outputs: [.bool])
    public static let unfreeze = ABIFunction(name: "unfreeze", inputs: [.address, .address, .string], outputs: [.bool])
    public static let freezePartial = ABIFunction(
        name: "freezePartial", inputs: [.address, .address, .uint256, .string], outputs: [.bool])
    public static let unfreezePartial = ABIFunction(
        name: "unfreezePartial", inputs: [.address, .address, .uint256, .string], outputs: [.bool])
    public static let pause = ABIFunction(name: "pause", inputs: [.address, .uint(8)], outputs: [.bool])
    public static let unpause = ABIFunction(name: "unpause", inputs: [.address, .uint(8)], outputs: [.bool])
    public static let forcedTransfer = ABIFunction(
        name: "forcedTransfer", inputs: [.address, .address, .address, .uint256, .string], outputs: [.bool])
    public static let recoverWallet = ABIFunction(
        name: "recoverWallet", inputs: [.address, .address, .string], outputs: [.bool])
    /// `identityOf(address wallet) returns (string investorId, string country, uint64 kycExpiry, uint8 taxCategory)`.
    public static let identityOf = ABIFunction(
        name: "identityOf", inputs: [.address], outputs: [.string, .string, .uint(64), .uint(8)])
    /// `isVerified(address wallet) returns (bool)` at the current block time.
    public static let isVerified = ABIFunction(name: "isVerified", inputs: [.address], outputs: [.bool])

    /// `IdentityChanged(address indexed wallet, string investorId)`.
    public static let identityChangedEvent = ABIEvent(name: "IdentityChanged", parameters: [
        .init(.address, indexed: true), .init(.string),
    ])
    /// `WalletRecovered(address indexed lost, address indexed replacement, string investorId)`.
    public static let walletRecoveredEvent = ABIEvent(name: "WalletRecovered", parameters: [
        .init(.address, indexed: true), .init(.address, indexed: true), .init(.string),
    ])
    /// `PauseChanged(address indexed token, uint8 scope, bool paused)`.
    public static let pauseChangedEvent = ABIEvent(name: "PauseChanged", parameters: [
        .init(.address, indexed: true), .init(.uint(8)), .init(.bool),
    ])

    /// The tax category codes used on the wire, in order.
    public static let taxCategories: [TaxCategory] = [.domestic, .treaty, .nonTreaty, .exempt]
}
