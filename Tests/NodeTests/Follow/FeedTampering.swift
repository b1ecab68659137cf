@testable import Node

/// Alterations of signed feed messages, as a man in the middle could make them.
enum FeedTampering {
    /// The sequencer's (dev account 9's) feed signer on the devnet.
    static let signer = try! BlockFeedSigner(key: ChainFixture.accounts[9].privateKey, genesis: ChainFixture.genesis)

    /// The message with the amount of its first ERC-20 `transfer` raised by one, the
    /// header, hash and signature left as they were (nothing re-signed).
    static func alterFirstTransferAmount(_ bytes: [UInt8]) throws -> [UInt8] {
        let message = try BlockFeedMessage(encoded: bytes)
        var transactions = message.block.transactions
        guard let index = transactions.firstIndex(where: { $0.transaction.data.count == 68 }),
              case .dynamicFee(var tx) = transactions[index].transaction else {
            throw TestNodeFailure("block \(message.number) has no EIP-1559 transfer to alter")
        }
        tx.data[67] = tx.data[67] &+ 1
        transactions[index] = SignedTransaction(transaction: .dynamicFee(tx), signature: transactions[index].signature)
        let block = Block.encode(header: message.block.header, rawTransactions: transactions.map(\.encoded))
        return BlockFeedMessage.encode(chainId: message.chainId, number: message.number, hash: message.hash, encodedBlock: block,
                                       signature: message.signature)
    }

    /// The message signed by `key` instead of the sequencer.
    static func resign(_ bytes: [UInt8], with key: Secp256k1.PrivateKey) throws -> [UInt8] {
        let message = try BlockFeedMessage(encoded: bytes)
        let signature = key.sign(digest: BlockFeedMessage.signingDigest(chainId: message.chainId, number: message.number, hash: message.hash))
        return BlockFeedMessage.encode(chainId: message.chainId, number: message.number, hash: message.hash, encodedBlock: message.encodedBlock,
                                       signature: signature)
    }
}
