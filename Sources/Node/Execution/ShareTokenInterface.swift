/// The functions and events every token answers beyond ERC-20 (documented in
/// docs/api.md): custody supply changes, redemption, and ERC-1404 transfer checks.
public enum ShareTokenInterface {
    /// `mint(address to, uint256 amount, bytes32 depositId)` — custodian only; a deposit id mints once.
    public static let mint = ABIFunction(name: "mint", inputs: [.address, .uint256, .fixedBytes(32)], outputs: [.bool])
    /// `burn(address from, uint256 amount)` — custodian only.
    public static let burn = ABIFunction(name: "burn", inputs: [.address, .uint256], outputs: [.bool])
    /// `redeem(uint256 amount, string brokerageAccountRef)` — any holder; burns and emits `Redemption`.
    public static let redeem = ABIFunction(name: "redeem", inputs: [.uint256, .string], outputs: [.uint256])
    /// `preTransferCheck(address from, address to, uint256 amount) returns (uint8 code, string reason)`.
    public static let preTransferCheck = ABIFunction(
        name: "preTransferCheck", inputs: [.address, .address, .uint256], outputs: [.uint(8), .string])
    /// ERC-1404 `detectTransferRestriction(address from, address to, uint256 value) returns (uint8)`.
    public static let detectTransferRestriction = ABIFunction(
        name: "detectTransferRestriction", inputs: [.address, .address, .uint256], outputs: [.uint(8)])
    /// ERC-1404 `messageForTransferRestriction(uint8 code) returns (string)`.
    public static let messageForTransferRestriction = ABIFunction(
        name: "messageForTransferRestriction", inputs: [.uint(8)], outputs: [.string])
    /// `isin() returns (string)`.
    public static let isin = ABIFunction(name: "isin", inputs: [], outputs: [.string])
    /// `cusip() returns (string)`.
    public static let cusip = ABIFunction(name: "cusip", inputs: [], outputs: [.string])
    /// `frozenBalanceOf(address holder) returns (uint256)`: the partially frozen amount.
    public static let frozenBalanceOf = ABIFunction(name: "frozenBalanceOf", inputs: [.address], outputs: [.uint256])
    /// `isFrozen(address holder) returns (bool)`: whether the whole position is frozen.
    public static let isFrozen = ABIFunction(name: "isFrozen", inputs: [.address], outputs: [.bool])
    /// `paused() returns (bool)`: whether transfers of this token are paused (here or chain-wide).
    public static let paused = ABIFunction(name: "paused", inputs: [], outputs: [.bool])

    /// `Mint(address indexed to, uint256 amount, bytes32 indexed depositId)`.
    public static let mintEvent = ABIEvent(name: "Mint", parameters: [
        .init(.address, indexed: true), .init(.uint256), .init(.fixedBytes(32), indexed: true),
    ])
    /// `Redemption(uint256 indexed id, address indexed holder, uint256 amount, string brokerageAccountRef)`.
    public static let redemptionEvent = ABIEvent(name: "Redemption", parameters: [
        .init(.uint256, indexed: true), .init(.address, indexed: true), .init(.uint256), .init(.string),
    ])
    /// `FreezeChanged(address indexed wallet, bool fullyFrozen, uint256 frozenAmount, string reason)`.
    public static let freezeChangedEvent = ABIEvent(name: "FreezeChanged", parameters: [
        .init(.address, indexed: true), .init(.bool), .init(.uint256), .init(.string),
    ])
    /// `ForcedTransfer(address indexed from, address indexed to, uint256 amount, string reason)`.
    public static let forcedTransferEvent = ABIEvent(name: "ForcedTransfer", parameters: [
        .init(.address, indexed: true), .init(.address, indexed: true), .init(.uint256), .init(.string),
    ])
    /// `CountryRulesChanged()`.
    public static let countryRulesChangedEvent = ABIEvent(name: "CountryRulesChanged", parameters: [])
}
