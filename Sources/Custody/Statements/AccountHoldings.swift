/// The holdings a statement reports for one safekeeping account (the statement's
/// account, or one of its sub-accounts), with the account's chain wallet if the
/// custodian reports one (`BlckChainAdrOrWllt`).
public struct AccountHoldings: Hashable, Sendable, Codable {
    public let account: SafekeepingAccount
    public let wallet: WalletAddress?
    public let balances: [ISIN: HoldingBalance]

    public init(account: SafekeepingAccount, wallet: WalletAddress? = nil, balances: [ISIN: HoldingBalance]) {
        self.account = account
        self.wallet = wallet
        self.balances = balances
    }
}
