/// One message of the sequencer's signed block feed: a committed block, its number
/// and hash, and the sequencer's signature over (chain id, number, hash).
///
/// Wire form (binary WebSocket message on `/feed`, hex string in `equity_getBlocksRange`):
///
///     rlp([chainId, number, hash, block, signature])
///
/// - `chainId`, `number`: RLP integers (big-endian, no leading zeros);
/// - `hash`: 32 bytes, the block hash (Keccak-256 of the header's RLP);
/// - `block`: a byte string holding the block in its stored form
///   `rlp([header, [transaction envelopes as byte strings]])` (`Block.encoded`);
/// - `signature`: 65 bytes, `r ‖ s ‖ recoveryId` (recovery id 0 or 1, s ≤ n/2) over
///   `signingDigest(chainId:number:hash:)`.
///
/// The signature covers the header only (through its hash); the transactions are bound
/// to the header by its transactions root, which a follower checks before executing.
public struct BlockFeedMessage: Sendable, Equatable {
    public let chainId: UInt64
    public let number: UInt64
    public let hash: Bytes32
    public let block: Block
    public let signature: Secp256k1.RecoverableSignature
    /// The block's stored form as carried in the message.
    public let encodedBlock: [UInt8]

    /// What the digest starts with, so that a feed signature can never be mistaken for
    /// a transaction's or a typed-data signature.
    public static let domain = Array("EquityChain block feed v1".utf8)

    /// The digest the sequencer signs:
    /// `keccak256(rlp(["EquityChain block feed v1", chainId, number, hash]))`, the first
    /// item being the 25 ASCII bytes of that text, the integers canonical RLP integers.
    public static func signingDigest(chainId: UInt64, number: UInt64, hash: Bytes32) -> Bytes32 {
        Keccak256.hash(RLPItem.list([.bytes(domain), .uint(chainId), .uint(number), .bytes(hash.bytes)]).encoded)
    }

    /// A message from its parts (the sequencer builds it with `BlockFeedSigner`).
    public init(chainId: UInt64, block: Block, encodedBlock: [UInt8], hash: Bytes32, signature: Secp256k1.RecoverableSignature) {
        self.chainId = chainId
        self.number = block.header.number
        self.hash = hash
        self.block = block
        self.encodedBlock = encodedBlock
        self.signature = signature
    }

    /// The wire form.
    public var encoded: [UInt8] {
        Self.encode(chainId: chainId, number: number, hash: hash, encodedBlock: encodedBlock, signature: signature)
    }

    /// The wire form from a block already in its stored form (the sequencer serves
    /// stored blocks without decoding their transactions).
    public static func encode(
        chainId: UInt64, number: UInt64, hash: Bytes32, encodedBlock: [UInt8], signature: Secp256k1.RecoverableSignature
    ) -> [UInt8] {
        var signatureBytes = signature.r.bytes + signature.s.bytes
        signatureBytes.append(signature.recoveryId)
        let head = RLPItem.uint(chainId).encoded + RLPItem.uint(number).encoded + RLPItem.bytes(hash.bytes).encoded
        let tail = RLPItem.bytes(signatureBytes).encoded
        let payload = head.count + RLP.encodedStringLength(count: encodedBlock.count, first: encodedBlock.first) + tail.count
        var out: [UInt8] = []
        out.reserveCapacity(payload + 9)
        RLP.appendHeader(listPayload: payload, to: &out)
        out.append(contentsOf: head)
        RLP.appendString(encodedBlock, to: &out)
        out.append(contentsOf: tail)
        return out
    }

    /// Decodes a message strictly: canonical RLP of exactly this shape, a block that
    /// decodes (every transaction strictly), a `number` equal to the block's. Says
    /// nothing yet about who signed it: see `verify(chainId:sequencer:)`.
    public init(encoded: [UInt8]) throws(BlockFeedError) {
        let chainId: UInt64, number: UInt64, hash: Bytes32, blockBytes: [UInt8], signatureBytes: [UInt8]
        do {
            var outer = RLPReader(encoded)
            var r = try outer.readList()
            try outer.finish()
            chainId = try r.readUInt64()
            number = try r.readUInt64()
            hash = try r.readBytes32()
            blockBytes = Array(try r.readBytes())
            signatureBytes = Array(try r.readBytes(count: 65))
            try r.finish()
        } catch {
            throw .malformed("\(error)")
        }
        let block: Block
        do { block = try Block(encoded: blockBytes) } catch { throw .malformed(error.description) }
        guard block.header.number == number else { throw .numberMismatch(message: number, block: block.header.number) }
        self.chainId = chainId
        self.number = number
        self.hash = hash
        self.block = block
        self.encodedBlock = blockBytes
        // Range and low-s are checked by `verify`, with recovery.
        self.signature = Secp256k1.RecoverableSignature(
            r: Bytes32(bytes: signatureBytes[0..<32])!, s: Bytes32(bytes: signatureBytes[32..<64])!, recoveryId: signatureBytes[64])
    }

    /// Checks that the message is for `chainId`, that `hash` is the block header's hash,
    /// and that the signature over (chain id, number, hash) recovers to `sequencer`.
    public func verify(chainId expectedChain: UInt64, sequencer: Address) throws(BlockFeedError) {
        guard chainId == expectedChain else { throw .wrongChain(message: chainId, expected: expectedChain) }
        let computed = block.header.hash
        guard computed == hash else { throw .hashMismatch(message: hash, header: computed) }
        let signer: Address
        do {
            signer = try signature.recoverAddress(digest: Self.signingDigest(chainId: chainId, number: number, hash: hash))
        } catch {
            throw .badSignature(error)
        }
        guard signer == sequencer else { throw .wrongSigner(recovered: signer, sequencer: sequencer) }
    }
}
