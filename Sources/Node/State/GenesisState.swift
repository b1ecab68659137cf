/// The world state at block 0 of a genesis.
extension WorldState {
    public init(genesis: Genesis) {
        self.init(system: SystemState(issuer: genesis.roles.issuer, custodian: genesis.roles.custodian, compliance: genesis.roles.compliance))
        let cash = genesis.cash
        setToken(cash.address, TokenState(kind: .cash, symbol: cash.symbol, name: cash.name, decimals: UInt8(cash.decimals)))
        for asset in genesis.assets {
            setToken(asset.address, TokenState(
                kind: .share, symbol: asset.symbol, name: asset.name, decimals: 18, isin: asset.isin.code,
                cusip: asset.cusip.code, multiplier: asset.multiplier,
                allowedCountries: asset.allowedCountries.sorted(), deniedCountries: asset.deniedCountries.sorted()))
        }
        for identity in genesis.identities { setInvestor(identity) }
        // Genesis validation checked every definition (`MarketDefinition.problem`), which is what `Market` needs.
        for definition in genesis.markets { setMarket(try! Market(definition: definition)) }
        for allocation in genesis.allocations where allocation.amount > 0 {
            // Genesis validation bounds every supply by the opening reserve, so no overflow.
            var info = tokens[allocation.token]!
            info.totalSupply += allocation.amount
            setToken(allocation.token, info)
            updatePosition(allocation.holder, allocation.token) { $0.balance += allocation.amount }
        }
    }
}
