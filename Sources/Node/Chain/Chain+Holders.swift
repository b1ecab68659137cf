extension Chain {
    /// The holders of `token` with a positive raw balance, in address order, after
    /// `after` (exclusive), at most `limit`; `next` is the cursor of the following page.
    /// Nil if `token` is no token of this chain.
    ///
    /// A scan of the accounts held in memory (tens of milliseconds for a million), then a
    /// sort of the holders only: cheap enough for the bridge's dividend pushes, which read
    /// it a page at a time.
    public func holders(of token: Address, after: Address?, limit: Int) -> (holders: [(address: Address, balance: UInt128)], next: Address?)? {
        guard state.token(token) != nil else { return nil }
        var found: [(address: Address, balance: UInt128)] = []
        for (address, account) in state.accounts {
            if let after, address <= after { continue }
            let balance = account.balance(token)
            if balance > 0 { found.append((address, balance)) }
        }
        found.sort { $0.address < $1.address }
        guard found.count > limit else { return (found, nil) }
        let page = Array(found.prefix(limit))
        return (page, page.last?.address)
    }
}
