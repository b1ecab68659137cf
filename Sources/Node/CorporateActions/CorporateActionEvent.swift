/// What a corporate action did, as logged by the dividends contract
/// (`SystemAddress.dividends`); carried by `LedgerEvent.corporateAction`.
///
/// Record points and multiplier changes take effect at the start of a block, outside
/// any transaction: their logs (`DividendRecorded`, `MultiplierChanged`) lead the
/// receipt of the block's first transaction, as the market clock's do; a block without
/// transactions applies them without a log, and `dividend(id)` and the token's
/// `uiMultiplier()`/`multiplierNonce()` show them either way (docs/corporate-actions.md).
public enum CorporateActionEvent: Sendable, Equatable {
    /// `DividendDeclared(uint64 indexed id, address indexed token, uint256 amountPerShare, uint64 recordTime, uint64 payTime, uint256 funded)`.
    case dividendDeclared(id: UInt64, token: Address, amountPerShare: UInt128, recordTime: UInt64, payTime: UInt64, funded: UInt128)
    /// `DividendRecorded(uint64 indexed id, address indexed token, uint256 recordedSupply, uint256 entitled, uint256 refunded)`:
    /// the record point applied; the supply of record in raw units, the USD owed to holders
    /// of record and the USD refunded to the funder.
    case dividendRecorded(id: UInt64, token: Address, recordedSupply: UInt128, entitled: UInt128, refunded: UInt128)
    /// `DividendClaimed(uint64 indexed id, address indexed holder, uint256 gross, uint256 withheld, uint256 net)`: the holder claimed.
    case dividendClaimed(id: UInt64, holder: Address, gross: UInt128, withheld: UInt128, net: UInt128)
    /// `DividendPaid(uint64 indexed id, address indexed holder, uint256 gross, uint256 withheld, uint256 net)`: the custodian pushed it.
    case dividendPaid(id: UInt64, holder: Address, gross: UInt128, withheld: UInt128, net: UInt128)
    /// `DividendReclaimed(uint64 indexed id, address indexed funder, uint256 amount)`.
    case dividendReclaimed(id: UInt64, funder: Address, amount: UInt128)
    /// `MultiplierScheduled(address indexed token, uint64 indexed nonce, uint256 prior, uint256 multiplier, uint64 effectiveAt)`.
    case multiplierScheduled(token: Address, nonce: UInt64, prior: UInt128, multiplier: UInt128, effectiveAt: UInt64)
    /// `MultiplierChanged(address indexed token, uint64 indexed nonce, uint256 prior, uint256 multiplier)`: a scheduled
    /// change took effect (ERC-20 views in shares move with it).
    case multiplierChanged(token: Address, nonce: UInt64, prior: UInt128, multiplier: UInt128)
}
