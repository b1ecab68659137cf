/// What a state transition did, in domain terms; encoded as Ethereum logs by `LogEncoder`.
public enum LedgerEvent: Sendable, Equatable {
    /// ERC-20 `Transfer`; `from` is zero for a mint, `to` is zero for a burn.
    case transfer(token: Address, from: Address, to: Address, amount: UInt128)
    /// ERC-20 `Approval`.
    case approval(token: Address, owner: Address, spender: Address, amount: UInt128)
    /// Tokens minted against a custody deposit.
    case mint(token: Address, to: Address, amount: UInt128, depositId: Bytes32)
    /// Tokens burned for delivery of the shares out of custody.
    case redemption(token: Address, id: UInt64, holder: Address, amount: UInt128, brokerageAccountRef: String)
    /// A full or partial freeze changed.
    case freezeChanged(token: Address, wallet: Address, isFullyFrozen: Bool, frozenAmount: UInt128, reason: String)
    /// A pause changed; `token` is zero for a chain-wide pause.
    case pauseChanged(token: Address, scope: PauseScope, paused: Bool)
    /// The compliance role moved tokens without the holder's signature.
    case forcedTransfer(token: Address, from: Address, to: Address, amount: UInt128, reason: String)
    /// A lost wallet's positions moved to a new wallet of the same investor.
    case walletRecovered(lost: Address, replacement: Address, investorId: String)
    /// An investor was registered or changed.
    case identityChanged(investorId: String, wallet: Address)
    /// A token's country rules changed.
    case countryRulesChanged(token: Address)
    /// A dividend or multiplier action (logged by `SystemAddress.dividends`).
    case corporateAction(CorporateActionEvent)
    /// The custodian's reserve attestation for a share token was accepted.
    case reserveAttested(ReserveAttestation, signer: Address)
}
