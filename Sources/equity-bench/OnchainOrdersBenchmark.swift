import ArgumentParser
import Foundation
import Node

/// `equity-bench onchain-orders`: signed `placeOrder` transactions through a real
/// `equity-node` process's `eth_sendRawTransaction`, matched and settled in block
/// execution, until every one is committed.
///
/// The genesis is the chain benchmark's (many funded, verified accounts) plus one 24x7
/// AAPL/USD market. Order `k` is sent by account `k % accounts` with nonce
/// `k / accounts`: buys and sells alternate per sender around 100.00 USD (±5 ticks), so
/// most orders trade against resting ones and the book stays a few hundred orders deep.
/// Sending, batching and the end condition are those of `equity-bench rpc` (`SignedLoadRun`).
///
/// - `orders_per_s`: orders committed per second, end to end (target ≥ 20,000).
/// - `admitted_per_s`: orders answered with a hash per second.
/// - `trades`: fills printed; `resting_orders_at_end`: the book's size at the end.
/// - `node_cores_used`, `node_cpu_us_per_order`: the node's CPU over the run.
struct OnchainOrdersBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onchain-orders",
        abstract: "Signed orders per second through a real node's eth_sendRawTransaction, matched and committed.")

    @OptionGroup var load: SignedLoadOptions

    @Option(help: "Signed orders to send.")
    var orders = 100_000

    func validate() throws {
        guard orders >= 1 else { throw ValidationError("--orders must be positive") }
    }

    /// The workload's market: AAPL-24X7, id 1.
    static let market: UInt32 = 1

    func run() throws {
        let workload = try ChainWorkload(accounts: load.accounts)
        let market = #"{"symbol":"AAPL-24X7","base":"AAPL","schedule":"24x7","tick":"0.01","lot":"0.001","minQuantity":"0.001","#
            + #""maxQuantity":"100000","makerFeeBps":1,"takerFeeBps":3,"feeAccount":"0x000000000000000000000000000000000000fee5"}"#
        guard let close = workload.genesisJSON.lastIndex(of: "}") else { throw ValidationError("the workload genesis is not an object") }
        let genesisJSON = workload.genesisJSON[..<close] + #","markets":[\#(market)]}"#
        let genesis = try Genesis.parse(Data(genesisJSON.utf8))

        let signStart = Stopwatch.now()
        let raws = Self.signedOrders(count: orders, workload: workload, chainId: genesis.chainId)
        let signSeconds = Double(Stopwatch.now() - signStart) / 1e9

        let run = SignedLoadRun(raws: raws, senders: workload.keys.map(\.address), connections: load.connections, batchSize: load.batchSize)
        let report = try run.run(genesisJSON: String(genesisJSON), blockTimeMs: load.blockTimeMs, label: "onchain-orders") { outcome in
            let (_, marketsAnswer) = try outcome.client.post(Array(#"{"jsonrpc":"2.0","id":1,"method":"equity_getMarkets","params":[]}"#.utf8))
            var resting = 0
            if case .object(let fields) = try JSONParser.parse(marketsAnswer), case .array(let list)? = fields["result"],
               case .object(let m)? = list.first, case .unsigned(let n)? = m["restingOrders"] {
                resting = Int(n)
            }
            return outcome.report("onchain-orders", unit: "order", count: orders, load: load, signSeconds: signSeconds) {
                $0.record("resting_orders_at_end", resting)
            }
        }
        report.print(json: load.json)
    }

    /// Raw EIP-1559 `placeOrder`s, signed on every core.
    static func signedOrders(count: Int, workload: ChainWorkload, chainId: UInt64) -> [[UInt8]] {
        var out = [[UInt8]](repeating: [], count: count)
        let chunks = max(1, ProcessInfo.processInfo.activeProcessorCount * 4)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let target = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lower = c * count / chunks, upper = (c + 1) * count / chunks
                for k in lower..<upper { target[k] = order(k, workload: workload, chainId: chainId) }
            }
        }
        return out
    }

    /// Order `k`: GTC, 0.001 to 0.010 shares, buy or sell alternating per sender, 100.00 ± 5 ticks.
    static func order(_ k: Int, workload: ChainWorkload, chainId: UInt64) -> [UInt8] {
        let from = k % workload.accounts, nonce = k / workload.accounts
        let sell = (from + nonce) % 2 == 0
        let price = UInt64(100_000_000 + ((k * 7) % 11 - 5) * 10_000)
        let quantity = UInt128(1 + k % 10) * 1_000_000_000_000_000
        let data = try! ExchangeInterface.placeOrder.encodeCall([
            .uint(UInt256(UInt64(market))), .uint(UInt256(UInt64(sell ? 1 : 0))), .uint(UInt256(price)), .amount(quantity),
            .uint(UInt256(UInt64(0))), .uint(UInt256(UInt64(0))), .amount(0), .uint(UInt256(UInt64(0))), .uint(UInt256(UInt64(k))),
        ])
        let tx = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
            chainId: chainId, nonce: UInt64(nonce), maxPriorityFeePerGas: .zero, maxFeePerGas: .zero,
            gasLimit: 100_000, to: SystemAddress.exchange, value: .zero, data: data, accessList: []))
        return tx.sign(with: workload.keys[from]).encoded
    }
}
