/// The sequencer's side of the block feed: signs (chain id, number, hash) of committed
/// blocks with the sequencer key, whose address the genesis names.
///
/// Signing is deterministic (RFC 6979), so a block signed again gives the same bytes;
/// the node therefore signs when it serves a block and stores no signatures.
public struct BlockFeedSigner: Sendable {
    public let chainId: UInt64
    private let key: Secp256k1.PrivateKey

    /// Refuses a key that is not the genesis sequencer's: followers would refuse
    /// everything it signs.
    public init(key: Secp256k1.PrivateKey, genesis: Genesis) throws(BlockFeedSignerError) {
        guard key.address == genesis.sequencer else {
            throw BlockFeedSignerError(keyAddress: key.address, sequencer: genesis.sequencer)
        }
        self.chainId = genesis.chainId
        self.key = key
    }

    /// The address followers check signatures against.
    public var address: Address { key.address }

    /// The signature over a block's (chain id, number, hash).
    public func sign(number: UInt64, hash: Bytes32) -> Secp256k1.RecoverableSignature {
        key.sign(digest: BlockFeedMessage.signingDigest(chainId: chainId, number: number, hash: hash))
    }

    /// The signed message for a committed block.
    public func message(for block: Block) -> BlockFeedMessage {
        let hash = block.header.hash
        return BlockFeedMessage(chainId: chainId, block: block, encodedBlock: block.encoded, hash: hash,
                                signature: sign(number: block.header.number, hash: hash))
    }

    /// The wire form of the message for a block given in its stored form.
    public func encodedMessage(header: BlockHeader, encodedBlock: [UInt8]) -> [UInt8] {
        let hash = header.hash
        return BlockFeedMessage.encode(chainId: chainId, number: header.number, hash: hash, encodedBlock: encodedBlock,
                                       signature: sign(number: header.number, hash: hash))
    }
}

/// The key given to sign the block feed is not the genesis sequencer's.
public struct BlockFeedSignerError: Error, Equatable, CustomStringConvertible {
    public let keyAddress: Address
    public let sequencer: Address

    public var description: String {
        "the sequencer key is for \(keyAddress.checksummed), but this chain's genesis names \(sequencer.checksummed) as the sequencer; "
            + "give the key of the genesis sequencer"
    }
}
