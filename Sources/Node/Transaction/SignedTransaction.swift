/// A signed transaction as `eth_sendRawTransaction` carries it, decoded.
///
/// `init(raw:)` accepts exactly the canonical encodings: a legacy RLP list (first byte
/// ≥ 0xc0) or an EIP-2718 envelope (first byte ≤ 0x7f) of type 0x01 or 0x02, with the
/// exact field count and nothing after it. So `encoded` gives back the input byte for
/// byte and `hash` is the hash every other node computes. Decoding checks the shape of
/// the signature (v, yParity); the chain id and the signature itself are checked by a
/// `TransactionSigner` when the sender is recovered.
public struct SignedTransaction: Sendable, Hashable {
    public let transaction: UnsignedTransaction
    /// r, s and the recovery id (the y parity, which `v` encodes for legacy transactions).
    public let signature: Secp256k1.RecoverableSignature

    /// Pairs a transaction with its signature; the recovery id is 0 or 1 (what
    /// `Secp256k1.PrivateKey.sign` and the decoder produce).
    init(transaction: UnsignedTransaction, signature: Secp256k1.RecoverableSignature) {
        self.transaction = transaction
        self.signature = signature
    }

    /// Decodes raw transaction bytes (the `eth_sendRawTransaction` parameter).
    public init(raw: [UInt8]) throws(TransactionError) {
        guard let first = raw.first else { throw .tooShort(count: 0) }
        if first >= 0xc0 {
            self = try Self.decodeLegacy(raw)
            return
        }
        guard first <= 0x7f else {
            // 0x80…0xbf is an RLP string: neither a legacy list nor a type byte.
            throw .malformed(.legacy, field: nil, .expectedList)
        }
        guard raw.count > 1 else { throw .tooShort(count: raw.count) }
        switch TransactionType(rawValue: first) {
        case .accessList?:
            self = try Self.decodeTyped(raw, type: .accessList, fieldCount: 11) {
                (fields: inout TransactionFieldReader) throws(TransactionError) in
                .accessList(try AccessListTransaction(fields: &fields))
            }
        case .dynamicFee?:
            self = try Self.decodeTyped(raw, type: .dynamicFee, fieldCount: 12) {
                (fields: inout TransactionFieldReader) throws(TransactionError) in
                .dynamicFee(try DynamicFeeTransaction(fields: &fields))
            }
        case .legacy?, nil:
            throw .unsupportedType(first)
        }
    }

    /// The canonical wire encoding (what `raw` was, when decoded).
    public var encoded: [UInt8] {
        switch transaction {
        case .legacy(let tx): return tx.encoded(signature: signature)
        case .accessList(let tx): return tx.encoded(signature: signature)
        case .dynamicFee(let tx): return tx.encoded(signature: signature)
        }
    }

    /// The transaction hash: Keccak-256 of the wire encoding (type byte included).
    public var hash: Bytes32 { Keccak256.hash(encoded) }

    /// The wire `v`: 27/28 or 35/36 + 2·chainId for legacy, the y parity for typed ones.
    public var v: UInt256 {
        if case .legacy(let tx) = transaction { return tx.v(recoveryId: signature.recoveryId) }
        return UInt256(UInt64(signature.recoveryId))
    }

    private static func decodeLegacy(_ raw: [UInt8]) throws(TransactionError) -> SignedTransaction {
        var reader = RLPReader(raw)
        var fields = try TransactionFieldReader(list: &reader, type: .legacy, expected: 9)
        do { try reader.finish() } catch { throw .malformed(.legacy, field: nil, error) }
        var tx = try LegacyTransaction(fields: &fields)
        let v = try fields.uint256("v")
        let r = try fields.scalar("r")
        let s = try fields.scalar("s")
        try fields.finish()
        let (chainId, recoveryId) = try LegacyTransaction.split(v: v)
        tx.chainId = chainId
        return SignedTransaction(
            transaction: .legacy(tx), signature: Secp256k1.RecoverableSignature(r: r, s: s, recoveryId: recoveryId))
    }

    /// Reads `type ‖ rlp([fields…, yParity, r, s])`, the fields by `readFields`.
    private static func decodeTyped(
        _ raw: [UInt8], type: TransactionType, fieldCount: Int,
        _ readFields: (inout TransactionFieldReader) throws(TransactionError) -> UnsignedTransaction
    ) throws(TransactionError) -> SignedTransaction {
        var reader = RLPReader(raw)
        // The type byte (≤ 0x7f) is itself a one-byte RLP item: reading past it leaves
        // the reader on the payload with no copy of the input.
        _ = try? reader.readRawItem()
        var fields = try TransactionFieldReader(list: &reader, type: type, expected: fieldCount)
        do { try reader.finish() } catch { throw .malformed(type, field: nil, error) }
        let transaction = try readFields(&fields)
        let yParity = try fields.uint64("yParity")
        let r = try fields.scalar("r")
        let s = try fields.scalar("s")
        try fields.finish()
        guard yParity <= 1 else { throw .invalidYParity(yParity) }
        return SignedTransaction(
            transaction: transaction,
            signature: Secp256k1.RecoverableSignature(r: r, s: s, recoveryId: UInt8(yParity)))
    }
}
