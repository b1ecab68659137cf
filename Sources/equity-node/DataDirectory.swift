import Foundation
import Node

/// A node's data directory: `genesis.json` (the chain's genesis, copied by `init`)
/// and `chain/` (the RocksDB database).
struct DataDirectory {
    let url: URL

    init(path: String) {
        url = URL(fileURLWithPath: path, isDirectory: true)
    }

    var genesisFile: URL { url.appendingPathComponent("genesis.json") }
    var chainPath: String { url.appendingPathComponent("chain").path }

    /// Whether a chain database already exists here.
    var hasChain: Bool { FileManager.default.fileExists(atPath: chainPath) }

    func create() throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
}

/// The dev-key rule: a chain other than `dev` that funds or empowers the public dev
/// accounts runs only with `--allow-dev-keys`.
enum DevKeyPolicy {
    /// How many dev accounts are checked (anvil derives 10, hardhat 20).
    static let checkedAccounts = 20

    static func check(_ genesis: Genesis, allowed: Bool) throws {
        let exposed = try genesis.exposedDevAccounts(count: checkedAccounts)
        guard !exposed.isEmpty, !allowed else { return }
        let list = exposed.map { "#\($0.index) \($0.address)" }.joined(separator: ", ")
        throw NodeStartError("""
            this genesis funds or gives a role to public dev accounts (test mnemonic): \(list). \
            Their private keys are published: anyone can take what they hold. Use other accounts, \
            or pass --allow-dev-keys if this is a development chain.
            """)
    }
}
