/// What every share token answers about its multiplier, beyond ERC-20 (documented in
/// docs/abi.md). ERC-20 `balanceOf`, `totalSupply`, `allowance` and every amount are
/// share units; the `raw` views are the ledger's units; `shares = raw × uiMultiplier / 10^18`.
/// The names of the multiplier views follow ERC-8056 (scaled UI amounts).
public enum MultiplierInterface {
    /// `sharesOf(address holder) returns (uint256)`: the same as `balanceOf`.
    public static let sharesOf = ABIFunction(name: "sharesOf", inputs: [.address], outputs: [.uint256])
    /// `rawBalanceOf(address holder) returns (uint256)`: raw units held.
    public static let rawBalanceOf = ABIFunction(name: "rawBalanceOf", inputs: [.address], outputs: [.uint256])
    /// `rawTotalSupply() returns (uint256)`: raw units in existence.
    public static let rawTotalSupply = ABIFunction(name: "rawTotalSupply", inputs: [], outputs: [.uint256])
    /// `uiMultiplier() returns (uint256)`: the multiplier in effect (10^18 = 1.0).
    public static let uiMultiplier = ABIFunction(name: "uiMultiplier", inputs: [], outputs: [.uint256])
    /// `newUIMultiplier() returns (uint256)`: the scheduled multiplier, or the current one when none is scheduled.
    public static let newUIMultiplier = ABIFunction(name: "newUIMultiplier", inputs: [], outputs: [.uint256])
    /// `effectiveAt() returns (uint256)`: when the scheduled multiplier takes effect, 0 when none is scheduled.
    public static let effectiveAt = ABIFunction(name: "effectiveAt", inputs: [], outputs: [.uint256])
    /// `multiplierNonce() returns (uint64)`: the epoch, the number of multiplier changes that took effect.
    public static let multiplierNonce = ABIFunction(name: "multiplierNonce", inputs: [], outputs: [.uint(64)])
    /// `multiplierChange(uint64 nonce) returns (uint256 prior, uint256 multiplier, uint64 effectiveAt, bool effective)`: the history.
    public static let multiplierChange = ABIFunction(
        name: "multiplierChange", inputs: [.uint(64)], outputs: [.uint256, .uint256, .uint(64), .bool])
    /// `transferWithEpoch(address to, uint256 amount, uint64 nonce) returns (bool)`: `transfer`, refused when
    /// the multiplier nonce is no longer `nonce` (a split took effect after the amount was computed).
    public static let transferWithEpoch = ABIFunction(
        name: "transferWithEpoch", inputs: [.address, .uint256, .uint(64)], outputs: [.bool])
}
