import Testing
@testable import Node

/// Transactions signed by eth_account (scripts/gen-tx-vectors.py →
/// TransactionVectors.swift): we decode its bytes, agree on every field, the hashes and
/// the sender, re-encode byte for byte, and sign the same fields to the same bytes.
@Suite("Transaction vectors (eth_account)")
struct TransactionVectorTests {
    static func bytes(_ hex: String) -> [UInt8] { Hex.decode(hex)! }
    static func uint(_ decimal: String?) -> UInt256 { UInt256(decimal: decimal!)! }

    /// The unsigned transaction the vector's fields describe.
    static func expected(_ v: TransactionVector) throws -> UnsignedTransaction {
        let to = try v.to.map { try Address(hex: $0) }
        let accessList = try v.accessList.map { entry in
            AccessListEntry(address: try Address(hex: entry.0), storageKeys: entry.1.map { Bytes32(hex: $0)! })
        }
        switch v.type {
        case 0:
            return .legacy(LegacyTransaction(
                chainId: v.chainId, nonce: v.nonce, gasPrice: uint(v.gasPrice), gasLimit: v.gasLimit,
                to: to, value: uint(v.value), data: bytes(v.data)))
        case 1:
            return .accessList(AccessListTransaction(
                chainId: v.chainId!, nonce: v.nonce, gasPrice: uint(v.gasPrice), gasLimit: v.gasLimit,
                to: to, value: uint(v.value), data: bytes(v.data), accessList: accessList))
        default:
            return .dynamicFee(DynamicFeeTransaction(
                chainId: v.chainId!, nonce: v.nonce, maxPriorityFeePerGas: uint(v.maxPriorityFeePerGas),
                maxFeePerGas: uint(v.maxFeePerGas), gasLimit: v.gasLimit, to: to, value: uint(v.value),
                data: bytes(v.data), accessList: accessList))
        }
    }

    @Test func everyTypeIsCovered() {
        let all = TransactionVector.all
        #expect(all.contains { $0.type == 0 && $0.chainId == nil })
        #expect(all.contains { $0.type == 0 && $0.chainId != nil })
        #expect(all.contains { $0.type == 1 && !$0.accessList.isEmpty })
        #expect(all.contains { $0.type == 2 && $0.data.hasPrefix("0xa9059cbb") })
    }

    @Test(arguments: TransactionVector.all)
    func decodesToTheSignedFields(_ v: TransactionVector) throws {
        let tx = try SignedTransaction(raw: Self.bytes(v.raw))
        #expect(tx.transaction == (try Self.expected(v)))
        #expect(tx.transaction.type.rawValue == v.type)
        #expect(tx.v == Self.uint(v.v))
        #expect(tx.signature.r == Bytes32(hex: v.r)!)
        #expect(tx.signature.s == Bytes32(hex: v.s)!)
    }

    @Test(arguments: TransactionVector.all)
    func reencodesHashesAndRecovers(_ v: TransactionVector) throws {
        let raw = Self.bytes(v.raw)
        let tx = try SignedTransaction(raw: raw)
        #expect(tx.encoded == raw)
        #expect(tx.hash.hex == v.hash)
        #expect(tx.transaction.signingHash.hex == v.signingHash)
        let signer = TransactionSigner(chainId: v.chainId ?? 1, allowsUnprotected: v.chainId == nil)
        let verified = try signer.verify(tx)
        #expect(verified.sender.checksummed == v.sender)
        #expect(verified.hash.hex == v.hash)
    }

    @Test(arguments: TransactionVector.all)
    func ourSignatureMatchesEthAccount(_ v: TransactionVector) throws {
        let key = try Secp256k1.PrivateKey(bytes: Self.bytes(v.privateKey))
        #expect(Hex.encode(try Self.expected(v).sign(with: key).encoded) == v.raw)
        #expect(key.address.checksummed == v.sender)
    }

    @Test(arguments: TransactionVector.all)
    func refusedOnAnotherChain(_ v: TransactionVector) throws {
        let tx = try SignedTransaction(raw: Self.bytes(v.raw))
        if let chainId = v.chainId {
            let other: UInt64 = chainId == 1 ? 31337 : 1
            #expect(throws: TransactionError.invalidChainId(have: chainId, want: other)) {
                try TransactionSigner(chainId: other, allowsUnprotected: true).sender(of: tx)
            }
        } else {
            #expect(throws: TransactionError.unprotected) { try TransactionSigner(chainId: 1).sender(of: tx) }
        }
    }
}
