import Testing
@testable import Node
import Matching

/// A devnet world state driven block by block through `BlockExecutor`, with signed
/// exchange transactions from the dev accounts: what the sequencer and every follower
/// run, without storage.
struct MarketBench {
    typealias F = ChainFixture
    typealias X = ExchangeInterface
    static let share: UInt128 = 1_000_000_000_000_000_000
    static let aapl = F.aapl
    static let usd = F.usd
    static let feeAccount = F.genesis.markets[0].feeAccount
    /// 2026-01-05, a Monday: 00:00 UTC (19:00 ET the day before).
    static let monday: UInt64 = 1_767_571_200

    var state = WorldState(genesis: F.genesis)
    var nonces = [UInt64](repeating: 0, count: 11)
    /// The ten devnet accounts and account 10, which is no verified identity.
    static let accounts = try! DevAccounts.derive(count: 11)
    var number: UInt64 = 0

    static func address(_ account: Int) -> Address { accounts[account].address }

    /// Cash units of a decimal USD amount ("190.01").
    static func usd(_ text: String) -> UInt64 { UInt64(try! Amount.parse(text, decimals: 6)) }
    /// Share units of a decimal share amount ("1.5").
    static func shares(_ text: String) -> UInt128 { try! Amount.parse(text, decimals: 18) }

    /// `placeOrder` calldata.
    static func place(_ market: UInt32, _ side: Side, _ price: String, _ quantity: String, tif: UInt8 = 0, expiry: UInt64 = 0,
                      display: String = "0", flags: UInt8 = 0, client: UInt64 = 7, epoch: UInt64? = nil) -> [UInt8] {
        var args: [ABIValue] = [.uint(UInt256(UInt64(market))), .uint(UInt256(UInt64(side.rawValue))), .uint(UInt256(usd(price))),
                                .amount(shares(quantity)), .uint(UInt256(UInt64(tif))), .uint(UInt256(expiry)),
                                .amount(shares(display)), .uint(UInt256(UInt64(flags))), .uint(UInt256(client))]
        if let epoch { args.append(.uint(UInt256(epoch))) }
        return try! (epoch == nil ? X.placeOrder : X.placeOrderAtEpoch).encodeCall(args)
    }

    static func cancel(_ market: UInt32, _ order: UInt64, client: UInt64 = 8) -> [UInt8] {
        try! X.cancelOrder.encodeCall([.uint(UInt256(UInt64(market))), .uint(UInt256(order)), .uint(UInt256(client))])
    }

    static func amend(_ market: UInt32, _ order: UInt64, price: String = "0", quantity: String = "0") -> [UInt8] {
        try! X.amendOrder.encodeCall([.uint(UInt256(UInt64(market))), .uint(UInt256(order)), .uint(UInt256(usd(price))),
                                      .amount(shares(quantity)), .uint(UInt256(9))])
    }

    static func cancelAll(_ market: UInt32) -> [UInt8] {
        try! X.cancelAll.encodeCall([.uint(UInt256(UInt64(market))), .uint(UInt256(10))])
    }

    /// An exchange transaction from `account`, signed here as a wallet signs it.
    static func signed(from account: Int, nonce: UInt64, _ data: [UInt8]) -> SignedTransaction {
        let tx = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
            chainId: F.genesis.chainId, nonce: nonce, maxPriorityFeePerGas: .zero, maxFeePerGas: .zero, gasLimit: 500_000,
            to: SystemAddress.exchange, value: .zero, data: data, accessList: []))
        return tx.sign(with: accounts[account].privateKey)
    }

    /// Executes one block at `time` holding `calls` (dev account, calldata to the
    /// exchange), commits it (the journal is dropped) and returns its receipts.
    mutating func block(at time: UInt64, _ calls: [(Int, [UInt8])]) throws -> [Receipt] {
        number += 1
        var txs: [VerifiedTransaction] = []
        for (from, data) in calls {
            txs.append(try F.signer.verify(Self.signed(from: from, nonce: nonces[from], data)))
            nonces[from] += 1
        }
        let receipts = try BlockExecutor.execute(txs, state: &state, block: BlockContext(number: number, timestamp: time),
                                                 gasLimit: F.genesis.gasLimit)
        _ = state.takeDirtyKeys()
        #expect(escrowMatchesOrders, "escrow equals the open orders' locks after block \(number)")
        return receipts
    }

    func balance(_ account: Address, _ token: Address) -> UInt128 { state.account(account).balance(token) }
    func balance(_ account: Int, _ token: Address) -> UInt128 { balance(Self.address(account), token) }

    /// What `account` holds of `token` outside its open orders' escrow.
    func free(_ account: Address, _ token: Address) -> UInt128 { state.account(account).position(token).unescrowed }
    func free(_ account: Int, _ token: Address) -> UInt128 { free(Self.address(account), token) }
    func escrowed(_ account: Int, _ token: Address) -> UInt128 { state.account(Self.address(account)).position(token).escrowed }

    /// Everything of `token` escrowed in open orders, over all holders.
    func totalEscrowed(_ token: Address) -> UInt128 { state.accounts.values.reduce(0) { $0 + $1.position(token).escrowed } }

    /// Each holder's escrow of each token is the sum of its open orders' locks in that
    /// token (asks lock the market's base, bids its quote), and never more than its balance.
    var escrowMatchesOrders: Bool {
        var locks: [Address: [Address: UInt128]] = [:]
        for order in state.exchangeOrders.values {
            guard let d = state.markets[order.market]?.definition else { return false }
            locks[order.owner, default: [:]][order.side == .buy ? d.quote : d.base, default: 0] += order.locked
        }
        for (owner, account) in state.accounts {
            for p in account.positions where p.escrowed != (locks[owner]?[p.token] ?? 0) || p.escrowed > p.balance { return false }
        }
        return locks.allSatisfy { owner, tokens in tokens.allSatisfy { state.account(owner).position($0.key).escrowed == $0.value } }
    }

    func market(_ id: UInt32) -> Market { state.markets[id]! }

    /// The events of some logs, by name.
    static func names(_ logs: [Log]) -> [String] {
        let events = [X.orderAcceptedEvent, X.orderRejectedEvent, X.tradeEvent, X.orderCancelledEvent, X.orderAmendedEvent, X.auctionEvent]
        return logs.map { log in events.first { $0.topic == log.topics.first }?.name ?? "other" }
    }

    /// The decoded `Trade` logs: (maker order, taker order, price, quantity, cash, maker fee, taker fee).
    static func trades(_ logs: [Log]) -> [(maker: UInt64, taker: UInt64, price: UInt64, quantity: UInt128, cash: UInt128)] {
        logs.filter { $0.topics.first == X.tradeEvent.topic }.map { log in
            let v = try! X.tradeEvent.decodeLog(topics: log.topics, data: log.data)
            return (try! v[1].uint256().uint64!, try! v[2].uint256().uint64!, try! v[6].uint256().uint64!,
                    try! v[7].amount(), try! v[8].amount())
        }
    }
}
