import Testing
@testable import Node

/// A devnet world state driven the way blocks drive it: each step opens a block at a
/// given time (applying due corporate actions) and runs calls through the ABI
/// dispatcher, so amounts are in share units and events are what logs show.
struct CorporateLedger {
    static let genesis = Genesis.devnet
    static let accounts = try! DevAccounts.derive(count: 10)
    static let aapl = genesis.assets.first { $0.symbol == "AAPL" }!.address
    static let usd = genesis.cash.address
    static let share: UInt128 = 1_000_000_000_000_000_000
    static let dollar: UInt128 = 1_000_000
    static let issuer = genesis.roles.issuer
    static let custodian = genesis.roles.custodian
    static let compliance = genesis.roles.compliance
    static let start = genesis.timestamp + 1_000

    /// dev0 domestic, dev1 domestic, dev2 treaty, dev3 nonTreaty, dev4 exempt (devnet identities).
    static func dev(_ i: Int) -> Address { accounts[i].address }

    var state = WorldState(genesis: CorporateLedger.genesis)
    var block = BlockContext(number: 1, timestamp: CorporateLedger.start)
    private var depositCounter: UInt64 = 0

    /// Opens the next block at `time`, applying what is due.
    mutating func open(at time: UInt64) {
        block = BlockContext(number: block.number + 1, timestamp: time)
        CorporateActions.beginBlock(&state, block)
    }

    /// Runs `function(args)` from `sender` at `to`; a revert undoes everything.
    @discardableResult
    mutating func call(_ sender: Address, _ to: Address, _ function: ABIFunction, _ args: [ABIValue]) throws(Revert) -> CallResult {
        let mark = state.checkpoint()
        do {
            return try CallDispatcher.call(&state, sender: sender, to: to, data: try! function.encodeCall(args), block: block)
        } catch {
            state.revert(to: mark)
            throw error
        }
    }

    /// Decoded output of a view call.
    mutating func view(_ to: Address, _ function: ABIFunction, _ args: [ABIValue] = []) throws -> [ABIValue] {
        try function.decodeOutput(call(Self.dev(0), to, function, args).output)
    }

    /// The custodian mints `amount` units of `token` (share units for shares) to `to`.
    mutating func mint(_ token: Address, to: Address, _ amount: UInt128) throws(Revert) {
        depositCounter += 1
        var id = [UInt8](repeating: 0, count: 32)
        for i in 0..<8 { id[31 - i] = UInt8(truncatingIfNeeded: depositCounter >> (8 * UInt64(i))) }
        try call(Self.custodian, token, ShareTokenInterface.mint, [.address(to), .amount(amount), .fixedBytes(id)])
    }

    mutating func transfer(_ token: Address, from: Address, to: Address, _ amount: UInt128) throws(Revert) {
        try call(from, token, ERC20.transfer, [.address(to), .amount(amount)])
    }

    /// Declares a dividend; returns its id.
    @discardableResult
    mutating func declare(_ token: Address = aapl, perShare: UInt128, record: UInt64, pay: UInt64, from caller: Address = issuer) throws(Revert) -> UInt64 {
        let out = try call(caller, SystemAddress.dividends, DividendsInterface.declareDividend,
                           [.address(token), .amount(perShare), .uint(UInt256(record)), .uint(UInt256(pay))]).output
        return UInt64(out[31]) | UInt64(out[30]) << 8
    }

    mutating func claim(_ holder: Address, _ id: UInt64) throws(Revert) -> CallResult {
        try call(holder, SystemAddress.dividends, DividendsInterface.claimDividend, [.uint(UInt256(id))])
    }

    mutating func push(_ id: UInt64, _ holders: [Address], from caller: Address = custodian) throws(Revert) -> CallResult {
        try call(caller, SystemAddress.dividends, DividendsInterface.pushDividend, [.uint(UInt256(id)), .array(holders.map(ABIValue.address))])
    }

    func usdBalance(_ a: Address) -> UInt128 { state.account(a).balance(Self.usd) }

    func dividend(_ id: UInt64) -> Dividend { state.corporate.dividends[id]! }

    /// Everything a refused call must leave unchanged.
    struct Snapshot: Equatable {
        var accounts: [Address: AccountState]
        var tokens: [Address: TokenState]
        var allowances: [AllowanceKey: UInt128]
        var dividends: [UInt64: Dividend]
        var holdings: [CorporateActionsState.HoldingKey: DividendHolding]
        var entitlements: [CorporateActionsState.EntitlementKey: DividendEntitlement]
        var assets: [Address: AssetCorporateState]
        var history: [CorporateActionsState.MultiplierKey: MultiplierChange]
        var withholding: [Address: WithholdingRecord]
        var schedule: CorporateActionSchedule
    }

    var snapshot: Snapshot {
        let c = state.corporate
        return Snapshot(accounts: state.accounts, tokens: state.tokens, allowances: state.allowances, dividends: c.dividends,
                        holdings: c.holdings, entitlements: c.entitlements, assets: c.assets, history: c.multiplierHistory,
                        withholding: c.withholding, schedule: c.schedule)
    }

    /// Expects `body` to revert with a reason containing `reason`, changing nothing.
    mutating func expectRefused(_ reason: String, sourceLocation: SourceLocation = #_sourceLocation,
                                _ body: (inout CorporateLedger) throws(Revert) -> Void) {
        let before = snapshot
        do {
            try body(&self)
            Issue.record("expected a revert containing '\(reason)'", sourceLocation: sourceLocation)
        } catch {
            #expect(error.reason.contains(reason), "\(error.reason)", sourceLocation: sourceLocation)
        }
        #expect(snapshot == before, "a refused call changed state", sourceLocation: sourceLocation)
    }
}
