/// The whole ledger in memory: accounts, tokens, allowances, identities, deposits,
/// redemptions and system settings.
///
/// Every write goes through a setter that records the previous value in a journal and
/// marks the key dirty. `checkpoint()`/`revert(to:)` undo a failed transaction exactly;
/// `takeDirtyKeys()` hands the block's changed keys (sorted, so commits are
/// deterministic) to the state tree and to storage.
public struct WorldState: Sendable {
    public private(set) var accounts: [Address: AccountState] = [:]
    public private(set) var tokens: [Address: TokenState] = [:]
    public private(set) var allowances: [AllowanceKey: UInt128] = [:]
    public private(set) var investors: [String: Identity] = [:]
    public private(set) var walletInvestors: [Address: String] = [:]
    public private(set) var deposits: [Bytes32: Deposit] = [:]
    public private(set) var redemptions: [UInt64: Redemption] = [:]
    public private(set) var system: SystemState
    /// On-chain markets by id, and the exchange's live order records (see Exchange/).
    public private(set) var markets: [UInt32: Market] = [:]
    public private(set) var exchangeOrders: [ExchangeOrderKey: ExchangeOrder] = [:]
    /// Markets whose pre-block value is already journaled (see `updateMarket`).
    private var marketsJournaled: Set<UInt32> = []
    /// Dividends, multiplier changes and their bookkeeping (docs/corporate-actions.md).
    public private(set) var corporate = CorporateActionsState()
    /// The latest reserve attestation per share token.
    public private(set) var reserveAttestations: [Address: PostedReserveAttestation] = [:]

    private var journal: [Undo] = []
    private var dirty: Set<StateKey> = []

    /// A previous value, to restore on revert. The cases written for every transaction
    /// (accounts, positions, nonces, order records) are inline; the large, rare ones are
    /// boxed, since every entry of the journal is as large as the largest inline case.
    private enum Undo: Sendable {
        case account(Address, AccountState?)
        /// An existing account's nonce before an increment.
        case nonce(Address, UInt64)
        /// An existing account's position in a token before an update (empty if none).
        case position(Address, TokenPosition)
        indirect case token(Address, TokenState?)
        case allowance(AllowanceKey, UInt128?)
        case investor(String, Identity?)
        case wallet(Address, String?)
        indirect case deposit(Bytes32, Deposit?)
        indirect case redemption(UInt64, Redemption?)
        case system(SystemState)
        indirect case market(UInt32, Market?)
        case exchangeOrder(ExchangeOrderKey, ExchangeOrder?)
        indirect case corporate(CorporateActionsState.Undo)
        indirect case reserveAttestation(Address, PostedReserveAttestation?)
    }

    public init(system: SystemState) {
        self.system = system
        dirty.insert(.system)
    }

    // MARK: Reads

    public func account(_ address: Address) -> AccountState { accounts[address] ?? AccountState() }
    public func token(_ address: Address) -> TokenState? { tokens[address] }
    public func allowance(_ key: AllowanceKey) -> UInt128 { allowances[key] ?? 0 }

    /// The verified identity a wallet belongs to, if any.
    public func identity(of wallet: Address) -> Identity? {
        guard let id = walletInvestors[wallet] else { return nil }
        return investors[id]
    }

    // MARK: Writes (journaled)

    public mutating func setAccount(_ address: Address, _ state: AccountState) {
        journal.append(.account(address, accounts[address]))
        accounts[address] = state.isEmpty ? nil : state
        dirty.insert(.account(address))
    }

    /// Applies `change` to an account's position in `token`. An existing account is
    /// changed in place and only the old position is journaled, so a balance update
    /// copies no positions array.
    /// A balance change is reported to the token's dividend accumulator.
    public mutating func updatePosition(_ address: Address, _ token: Address, _ change: (inout TokenPosition) -> Void) {
        guard let index = accounts.index(forKey: address) else {
            var state = AccountState()
            var position = TokenPosition(token: token)
            change(&position)
            state.setPosition(position)
            setAccount(address, state)
            if position.balance != 0 { dividendBalanceChanged(holder: address, token: token, from: 0, to: position.balance) }
            return
        }
        let old = accounts.values[index].position(token)
        var position = old
        change(&position)
        journal.append(.position(address, old))
        accounts.values[index].setPosition(position)
        if accounts.values[index].isEmpty { accounts.remove(at: index) }
        dirty.insert(.account(address))
        if position.balance != old.balance {
            dividendBalanceChanged(holder: address, token: token, from: old.balance, to: position.balance)
        }
    }

    /// Advances an account's nonce by one (a transaction was included), in place.
    public mutating func incrementNonce(_ address: Address) {
        if let index = accounts.index(forKey: address) {
            journal.append(.nonce(address, accounts.values[index].nonce))
            accounts.values[index].nonce += 1
        } else {
            journal.append(.account(address, nil))
            accounts[address] = AccountState(nonce: 1)
        }
        dirty.insert(.account(address))
    }

    /// Changes an account for a revert, dropping it if that leaves it empty.
    private mutating func restoreAccount(_ address: Address, _ change: (inout AccountState) -> Void) {
        var state = accounts.removeValue(forKey: address) ?? AccountState()
        change(&state)
        if !state.isEmpty { accounts[address] = state }
    }

    public mutating func setToken(_ address: Address, _ state: TokenState) {
        journal.append(.token(address, tokens[address]))
        tokens[address] = state
        dirty.insert(.token(address))
    }

    public mutating func setAllowance(_ key: AllowanceKey, _ amount: UInt128) {
        journal.append(.allowance(key, allowances[key]))
        allowances[key] = amount == 0 ? nil : amount
        dirty.insert(.allowance(token: key.token, owner: key.owner, spender: key.spender))
    }

    /// Registers or replaces an investor and points each of its wallets at it.
    public mutating func setInvestor(_ identity: Identity) {
        journal.append(.investor(identity.investorId, investors[identity.investorId]))
        investors[identity.investorId] = identity
        dirty.insert(.investor(identity.investorId))
        for wallet in identity.wallets where walletInvestors[wallet] != identity.investorId {
            setWallet(wallet, investorId: identity.investorId)
        }
    }

    /// Removes an investor and unlinks its wallets.
    public mutating func removeInvestor(_ investorId: String) {
        guard let existing = investors[investorId] else { return }
        journal.append(.investor(investorId, existing))
        investors[investorId] = nil
        dirty.insert(.investor(investorId))
        for wallet in existing.wallets where walletInvestors[wallet] == investorId { setWallet(wallet, investorId: nil) }
    }

    /// Links a wallet to an investor (nil unlinks it).
    public mutating func setWallet(_ wallet: Address, investorId: String?) {
        journal.append(.wallet(wallet, walletInvestors[wallet]))
        walletInvestors[wallet] = investorId
        dirty.insert(.wallet(wallet))
    }

    public mutating func recordDeposit(_ deposit: Deposit) {
        journal.append(.deposit(deposit.id, deposits[deposit.id]))
        deposits[deposit.id] = deposit
        dirty.insert(.deposit(deposit.id))
    }

    public mutating func recordRedemption(_ redemption: Redemption) {
        journal.append(.redemption(redemption.id, redemptions[redemption.id]))
        redemptions[redemption.id] = redemption
        dirty.insert(.redemption(redemption.id))
    }

    /// Keeps `posted` as its asset's latest reserve attestation.
    public mutating func setReserveAttestation(_ posted: PostedReserveAttestation) {
        let asset = posted.attestation.asset
        journal.append(.reserveAttestation(asset, reserveAttestations[asset]))
        reserveAttestations[asset] = posted
        dirty.insert(.reserveAttestation(asset))
    }

    public mutating func setSystem(_ state: SystemState) {
        journal.append(.system(system))
        system = state
        dirty.insert(.system)
    }

    /// Adds or replaces a market (genesis, listing).
    public mutating func setMarket(_ market: Market) {
        let id = market.definition.id
        journal.append(.market(id, markets[id]))
        marketsJournaled.insert(id)
        markets[id] = market
        dirty.insert(.market(id))
    }

    /// Changes a market in place. A market's value (its whole book) is journaled on its
    /// first change after `takeDirtyKeys()` or `isolatingCheckpoint()` only, not per
    /// change: the exchange changes a book only once nothing can revert the transaction,
    /// so the journal needs the pre-block value (for a rejected block) and the value
    /// before an `eth_call`, and never a copy per order.
    public mutating func updateMarket<R, E: Error>(_ id: UInt32, _ body: (inout Market) throws(E) -> R) throws(E) -> R? {
        guard let index = markets.index(forKey: id) else { return nil }
        if marketsJournaled.insert(id).inserted { journal.append(.market(id, markets.values[index])) }
        dirty.insert(.market(id))
        return try body(&markets.values[index])
    }

    /// Sets (or, with nil, removes) an exchange order record.
    public mutating func setExchangeOrder(_ key: ExchangeOrderKey, _ order: ExchangeOrder?) {
        journal.append(.exchangeOrder(key, exchangeOrders[key]))
        exchangeOrders[key] = order
        dirty.insert(.exchangeOrder(market: key.market, id: key.id))
    }

    /// A checkpoint after which every market change is journaled again, so that
    /// `revert(to:)` restores books too: for calls whose effects are discarded (`eth_call`).
    public mutating func isolatingCheckpoint() -> Int {
        marketsJournaled.removeAll(keepingCapacity: true)
        return checkpoint()
    }

    /// Applies one corporate-action write: `write` changes `corporate` and returns
    /// the undo record, which is journaled; `key` is marked dirty.
    mutating func writeCorporate(_ key: CorporateKey, _ write: (inout CorporateActionsState) -> CorporateActionsState.Undo) {
        journal.append(.corporate(write(&corporate)))
        dirty.insert(.corporate(key))
    }

    // MARK: Transactions and blocks

    /// A point to revert to: the journal's length.
    public func checkpoint() -> Int { journal.count }

    /// Undoes every write since `checkpoint`, newest first. Keys stay marked dirty;
    /// their values are simply back to what they were, which commits as no change.
    public mutating func revert(to checkpoint: Int) {
        while journal.count > checkpoint {
            switch journal.removeLast() {
            case .account(let k, let v): accounts[k] = v
            case .nonce(let k, let n): restoreAccount(k) { $0.nonce = n }
            case .position(let k, let p): restoreAccount(k) { $0.setPosition(p) }
            case .token(let k, let v): tokens[k] = v
            case .allowance(let k, let v): allowances[k] = v
            case .investor(let k, let v): investors[k] = v
            case .wallet(let k, let v): walletInvestors[k] = v
            case .deposit(let k, let v): deposits[k] = v
            case .redemption(let k, let v): redemptions[k] = v
            case .system(let v): system = v
            case .market(let k, let v):
                markets[k] = v
                marketsJournaled.remove(k)
            case .exchangeOrder(let k, let v): exchangeOrders[k] = v
            case .corporate(let u): corporate.undo(u)
            case .reserveAttestation(let k, let v): reserveAttestations[k] = v
            }
        }
    }

    /// The keys written since the last `takeDirtyKeys()`, in a deterministic order,
    /// without forgetting anything (so the block can still be reverted).
    public var dirtyKeys: [StateKey] { dirty.sorted() }

    /// Forgets the journal (the block's transactions are final) and returns the keys
    /// written since the last call, in a deterministic order.
    public mutating func takeDirtyKeys() -> [StateKey] {
        journal.removeAll(keepingCapacity: true)
        marketsJournaled.removeAll(keepingCapacity: true)
        let keys = dirty.sorted()
        dirty.removeAll(keepingCapacity: true)
        return keys
    }

    /// The stored value of a key, or nil when the key is absent (deleted).
    public func encodedValue(_ key: StateKey) -> [UInt8]? {
        switch key {
        case .account(let a): return accounts[a].map(StateCodec.encode)
        case .token(let a): return tokens[a].map(StateCodec.encode)
        case .allowance(let t, let o, let s):
            return allowances[AllowanceKey(token: t, owner: o, spender: s)].map(StateCodec.encode)
        case .investor(let id): return investors[id].map(StateCodec.encode)
        case .wallet(let a): return walletInvestors[a].map { RLPItem.bytes(Array($0.utf8)).encoded }
        case .deposit(let id): return deposits[id].map(StateCodec.encode)
        case .redemption(let id): return redemptions[id].map(StateCodec.encode)
        case .system: return StateCodec.encode(system)
        case .market(let id): return markets[id].map(MarketCodec.encode)
        case .exchangeOrder(let m, let id): return exchangeOrders[ExchangeOrderKey(market: m, id: id)].map(MarketCodec.encode)
        case .corporate(let k): return corporate.encodedValue(k)
        case .reserveAttestation(let a): return reserveAttestations[a].map(StateCodec.encode)
        }
    }

    /// Loads one stored leaf (used when opening a database); not journaled.
    public mutating func load(key: StateKey, value: [UInt8]) throws(StateCodec.Failure) {
        switch key {
        case .account(let a): accounts[a] = try StateCodec.decodeAccount(value)
        case .token(let a): tokens[a] = try StateCodec.decodeToken(value)
        case .allowance(let t, let o, let s):
            allowances[AllowanceKey(token: t, owner: o, spender: s)] = try StateCodec.decodeAmount(value)
        case .investor(let id): investors[id] = try StateCodec.decodeIdentity(value)
        case .wallet(let a): walletInvestors[a] = try StateCodec.decodeString(value)
        case .deposit(let id): deposits[id] = try StateCodec.decodeDeposit(value)
        case .redemption(let id): redemptions[id] = try StateCodec.decodeRedemption(value)
        case .system: system = try StateCodec.decodeSystem(value)
        case .market(let id): markets[id] = try MarketCodec.decodeMarket(value)
        case .exchangeOrder(let m, let id): exchangeOrders[ExchangeOrderKey(market: m, id: id)] = try MarketCodec.decodeOrder(value)
        case .corporate(let k): try corporate.load(k, value)
        case .reserveAttestation(let a):
            let posted = try StateCodec.decodeReserveAttestation(value)
            guard posted.attestation.asset == a else { throw StateCodec.Failure("reserve attestation stored under another asset's key") }
            reserveAttestations[a] = posted
        }
    }
}
