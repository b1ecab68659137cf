import Bridge
import Custody
import Foundation
import Node

/// The test's own wallet on the dev node: signs with dev account keys and talks JSON-RPC
/// through the bridge's client (the node is real; nothing is mocked).
struct ChainSession {
    let rpc: NodeRPCClient
    let accounts: [DevAccount]
    static let aapl = try! Address(hex: "0x4141504C00000000000000000000000000000000")

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(url: String) async throws {
        rpc = try NodeRPCClient(url: url)
        accounts = try DevAccounts.derive(count: 10)
        for _ in 0..<500 {
            if (try? await rpc.chainId()) != nil { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure(description: "the node at \(url) does not answer eth_chainId")
    }

    /// Sends a call of `data` to `to` signed by dev account `index`; the receipt.
    func send(from index: Int, to: Address, data: [UInt8]) async throws -> TransactionOutcome {
        let key = accounts[index].privateKey
        let signer = CustodianSigner(key: key, chainId: try await rpc.chainId())
        let tx = signer.sign(to: to, data: data, nonce: try await rpc.pendingNonce(of: key.address))
        let hash = try await rpc.sendRawTransaction(tx.encoded)
        guard let outcome = try await rpc.waitForReceipt(of: hash) else { throw Failure(description: "no receipt for \(hash)") }
        return outcome
    }

    func balance(of index: Int) async throws -> UInt128 {
        let out = try await rpc.call(to: Self.aapl, data: try ERC20.balanceOf.encodeCall([.address(accounts[index].address)]))
        return try ERC20.balanceOf.decodeOutput(out)[0].amount()
    }

    func aaplSupply() async throws -> UInt128 {
        try await rpc.shareAssets().first { $0.symbol == "AAPL" }?.totalSupply ?? 0
    }

    /// How many `Mint` events carry `depositId`.
    func mintEvents(depositId: Bytes32) async throws -> Int {
        let head = try await rpc.blockNumber()
        return try await rpc.logs(addresses: [Self.aapl], topics: [[ShareTokenInterface.mintEvent.topic], nil, [depositId]], blocks: 0...head).count
    }
}
