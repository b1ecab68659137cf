extension Chain {
    /// The deposit minted under `id` in the latest state, with its token; nil if none was.
    public func deposit(id: Bytes32) -> (deposit: Deposit, token: TokenState?)? {
        guard let d = state.deposits[id] else { return nil }
        return (d, state.token(d.token))
    }
}
