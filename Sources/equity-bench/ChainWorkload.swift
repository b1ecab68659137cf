import Dispatch
import Foundation
import Node

/// The chain benchmarks' world: a genesis with many funded, verified accounts whose
/// keys the benchmark knows, and ERC-20 transfers between them signed in advance.
struct ChainWorkload: Sendable {
    let accounts: Int
    let keys: [Secp256k1.PrivateKey]
    let genesis: Genesis
    /// The genesis as a file would hold it (`equity-node init --genesis` takes it).
    let genesisJSON: String
    let token: Address

    init(accounts: Int) throws {
        self.accounts = accounts
        keys = (0..<accounts).map { i in
            // Deterministic, valid keys: Keccak-256 of a label is below n with overwhelming odds.
            try! Secp256k1.PrivateKey(bytes: Keccak256.hash(Array("equity-bench account \(i)".utf8)).bytes)
        }
        let addresses = keys.map { $0.address.checksummed }
        let identities = addresses.enumerated().map { i, a in
            #"{"investorId":"BENCH-\#(i)","country":"US","kycExpiry":"2099-12-31","taxCategory":"domestic","wallets":["\#(a)"]}"#
        }
        let alloc = addresses.map { #""\#($0)":{"USD":"1000000","AAPL":"1000000"}"# }
        let json = """
            {"name":"equity-bench","chainId":7357,"timestamp":1767225600,"blockIntervalMs":250,"gasLimit":1000000000,
             "sequencer":"\(addresses[0])",
             "roles":{"issuer":"\(addresses[0])","custodian":"\(addresses[0])","compliance":"\(addresses[0])"},
             "cash":{"symbol":"USD","name":"US Dollar","decimals":6,"address":"0x5553440000000000000000000000000000000000"},
             "assets":[{"symbol":"AAPL","name":"Apple Inc. Common Stock","isin":"US0378331005","cusip":"037833100",
                        "address":"0x4141504C00000000000000000000000000000000","openingReserve":"\(accounts * 1_000_000)"}],
             "identities":[\(identities.joined(separator: ","))],
             "alloc":{\(alloc.joined(separator: ","))}}
            """
        genesisJSON = json
        genesis = try Genesis.parse(Data(json.utf8))
        token = genesis.assets[0].address
    }

    /// Raw EIP-1559 `transfer`s of one raw unit: transaction `k` of the run (counting from
    /// `first`) is sent by account `k % accounts` with nonce `k / accounts`, to the next
    /// account. Signed on every core.
    func signedTransfers(_ range: Range<Int>) -> [[UInt8]] {
        var out = [[UInt8]](repeating: [], count: range.count)
        let chunks = max(1, ProcessInfo.processInfo.activeProcessorCount * 4)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let target = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lower = c * range.count / chunks, upper = (c + 1) * range.count / chunks
                for j in lower..<upper { target[j] = transfer(range.lowerBound + j) }
            }
        }
        return out
    }

    func transfer(_ k: Int) -> [UInt8] {
        let from = k % accounts, to = (from + 1) % accounts
        let data = try! ERC20.transfer.encodeCall([.address(keys[to].address), .amount(1)])
        let tx = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
            chainId: genesis.chainId, nonce: UInt64(k / accounts), maxPriorityFeePerGas: .zero, maxFeePerGas: .zero,
            gasLimit: 60_000, to: token, value: .zero, data: data, accessList: []))
        return tx.sign(with: keys[from]).encoded
    }

    /// Decodes and recovers raw transactions on every core; any failure is a bug here.
    func verify(_ raws: [[UInt8]], signer: TransactionSigner) throws -> [VerifiedTransaction] {
        let decoded = try raws.map { raw throws in try SignedTransaction(raw: raw) }
        return try signer.verifyAll(decoded).map { try $0.get() }
    }
}
