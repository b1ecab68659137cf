import Testing
@testable import Node

/// Balance and nonce updates change accounts in place and journal only what they
/// overwrite; a revert must still restore every account exactly, including accounts
/// that were created or emptied on the way.
@Suite("World state: in-place updates and exact reverts")
struct WorldStateJournalTests {
    static let token = Address(w0: 0x4141_504C, w1: 0, w2: 0)
    static let other = Address(w0: 0x5553_4400, w1: 0, w2: 0)
    static let a = Address(w0: 0, w1: 0, w2: 0xA)
    static let b = Address(w0: 0, w1: 0, w2: 0xB)

    static func empty() -> WorldState { WorldState(system: SystemState(issuer: .zero, custodian: .zero, compliance: .zero)) }

    @Test func revertRestoresCreatedChangedAndEmptiedAccounts() {
        var state = Self.empty()
        state.updatePosition(Self.a, Self.token) { $0.balance = 100 }
        state.updatePosition(Self.a, Self.other) { $0.balance = 5; $0.frozen = 2 }
        _ = state.takeDirtyKeys()
        let before = state.accounts

        let mark = state.checkpoint()
        state.incrementNonce(Self.a)
        state.incrementNonce(Self.b)  // a new account, nonce only
        state.updatePosition(Self.a, Self.token) { $0.balance -= 100 }  // position removed
        state.updatePosition(Self.b, Self.token) { $0.balance += 100 }
        state.updatePosition(Self.a, Self.other) { $0.isFullyFrozen = true }
        #expect(state.account(Self.a) == AccountState(nonce: 1, positions: [TokenPosition(token: Self.other, balance: 5, frozen: 2, isFullyFrozen: true)]))
        #expect(state.account(Self.b) == AccountState(nonce: 1, positions: [TokenPosition(token: Self.token, balance: 100)]))
        #expect(state.dirtyKeys == [.account(Self.a), .account(Self.b)])
        state.revert(to: mark)
        #expect(state.accounts == before)
        #expect(state.accounts[Self.b] == nil)
    }

    /// Tokens, deposits, redemptions, markets and the system record are journaled boxed
    /// (they are large); a revert must restore each of them, and a market's later
    /// in-place changes, exactly.
    @Test func revertRestoresTheBoxedKinds() throws {
        var state = WorldState(genesis: .devnet)
        _ = state.takeDirtyKeys()
        let token = try #require(state.tokens.keys.sorted().first)
        let market = try #require(state.markets.keys.sorted().first)
        let keys: [StateKey] = [.token(token), .market(market), .deposit(Bytes32(w0: 1, w1: 2, w2: 3, w3: 4)), .redemption(9), .system]
        let before = keys.map { state.encodedValue($0) }

        let mark = state.checkpoint()
        var changed = try #require(state.token(token))
        changed.totalSupply += 1
        state.setToken(token, changed)
        state.recordDeposit(Deposit(id: Bytes32(w0: 1, w1: 2, w2: 3, w3: 4), token: token, recipient: Self.a, amount: 5, blockNumber: 1))
        state.recordRedemption(Redemption(id: 9, token: token, holder: Self.a, amount: 5, brokerageAccountRef: "ACC-1", blockNumber: 1))
        state.updateMarket(market) { $0.nextOrderId += 7 }
        state.updateMarket(market) { $0.nextOrderId += 1 }
        var system = state.system
        system.issuer = Self.b
        state.setSystem(system)
        for (key, old) in zip(keys, before) { #expect(state.encodedValue(key) != old, "\(key) changed") }
        state.revert(to: mark)
        #expect(keys.map { state.encodedValue($0) } == before)
    }

    @Test func anAccountLeftEmptyIsRemovedAndComesBackOnRevert() {
        var state = Self.empty()
        state.updatePosition(Self.a, Self.token) { $0.balance = 7 }
        let before = state.accounts
        let mark = state.checkpoint()
        state.updatePosition(Self.a, Self.token) { $0.balance = 0 }
        #expect(state.accounts[Self.a] == nil, "an empty account is not stored")
        #expect(state.encodedValue(.account(Self.a)) == nil)
        state.revert(to: mark)
        #expect(state.accounts == before)
    }

    /// The account value is written straight into a buffer; it must equal the RLP tree
    /// it was built from before, and read back.
    @Test func accountValueIsUnchangedAndReadsBack() throws {
        let positions = [
            TokenPosition(token: Self.token, balance: 1, frozen: 0),
            TokenPosition(token: Self.other, balance: .max, frozen: 0x80, isFullyFrozen: true),
            TokenPosition(token: Self.b, balance: 0x7f, frozen: UInt128(UInt64.max) + 1),
        ]
        for (nonce, held) in [(UInt64(0), [positions[0]]), (0x80, positions), (.max, Array(positions.prefix(2))), (3, [])] {
            let account = AccountState(nonce: nonce, positions: held)
            let reference = RLPItem.list([
                .uint(account.nonce),
                .list(account.positions.map {
                    .list([.bytes($0.token.bytes), .uint(UInt256($0.balance)), .uint(UInt256($0.frozen)), .uint($0.isFullyFrozen ? 1 : 0)])
                }),
            ]).encoded
            #expect(StateCodec.encode(account) == reference)
            #expect(try StateCodec.decodeAccount(reference) == account)
        }
    }

    /// A position with exchange escrow carries it as a fifth element; without escrow the
    /// encoding is the four-element one above. A zero fifth element (not canonical) and
    /// an escrow above the balance are refused.
    @Test func escrowIsAFifthElementOnlyWhenThere() throws {
        let escrowed = TokenPosition(token: Self.token, balance: 10, frozen: 2, escrowed: 7)
        let account = AccountState(nonce: 5, positions: [escrowed, TokenPosition(token: Self.other, balance: 3)])
        func encoded(_ fields: [[RLPItem]]) -> [UInt8] {
            RLPItem.list([.uint(5 as UInt64), .list(fields.map { .list($0) })]).encoded
        }
        let other: [RLPItem] = [.bytes(Self.other.bytes), .uint(3 as UInt64), .uint(0 as UInt64), .uint(0 as UInt64)]
        let reference = encoded([[.bytes(Self.token.bytes), .uint(10 as UInt64), .uint(2 as UInt64), .uint(0 as UInt64), .uint(7 as UInt64)], other])
        #expect(StateCodec.encode(account) == reference)
        #expect(try StateCodec.decodeAccount(reference) == account)
        #expect(escrowed.unescrowed == 3 && escrowed.transferable == 1)
        for bad in [0, 11] as [UInt64] {
            let refused = encoded([[.bytes(Self.token.bytes), .uint(10 as UInt64), .uint(2 as UInt64), .uint(0 as UInt64), .uint(bad)], other])
            #expect(throws: StateCodec.Failure.self) { try StateCodec.decodeAccount(refused) }
        }
    }
}
