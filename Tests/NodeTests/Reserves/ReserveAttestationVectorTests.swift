import Testing
@testable import Node

/// `ReserveAttestation`'s EIP-712 hashing and signatures against eth_account
/// (scripts/gen-reserve-attestation-vectors.py wrote `ReserveAttestationVector.all`).
@Suite("Reserve attestation: EIP-712 against eth_account")
struct ReserveAttestationVectorTests {
    static func attestation(_ v: ReserveAttestationVector) throws -> ReserveAttestation {
        ReserveAttestation(
            asset: try Address(hex: v.asset), isin: v.isin, statementId: v.statementId,
            statementSHA256: try #require(Bytes32(hex: v.statementSha256)),
            settledReserve: try #require(UInt128(v.settledReserve)), onChainSupply: try #require(UInt128(v.onChainSupply)),
            timestamp: v.timestamp)
    }

    @Test func vectorsCoverThreeCases() {
        #expect(ReserveAttestationVector.all.count == 3)
    }

    @Test(arguments: ReserveAttestationVector.all)
    func hashesMatchEthAccount(_ v: ReserveAttestationVector) throws {
        let a = try Self.attestation(v)
        #expect(ReserveAttestation.encodedType == v.encodeType)
        #expect(ReserveAttestation.typeHash.hex == v.typeHash)
        #expect(ReserveAttestation.domainSeparator(chainId: v.chainId).hex == v.domainSeparator)
        #expect(a.structHash.hex == v.hashStruct)
        #expect(a.signingDigest(chainId: v.chainId).hex == v.digest)
    }

    @Test(arguments: ReserveAttestationVector.all)
    func signaturesMatchEthAccount(_ v: ReserveAttestationVector) throws {
        let a = try Self.attestation(v)
        let bytes = try #require(Hex.decode(v.signature))
        let signature = try Secp256k1.RecoverableSignature(bytes65: bytes)
        #expect(try a.signer(of: signature, chainId: v.chainId).checksummed == v.signer)
        // Both sides sign deterministically (RFC 6979), so our signature is eth_account's, byte for byte.
        let key = try #require(ChainFixture.accounts.first { $0.address.checksummed == v.signer }).privateKey
        #expect(a.sign(with: key, chainId: v.chainId).bytes65 == bytes)
        // On another chain the same signature recovers to someone else.
        #expect(try a.signer(of: signature, chainId: v.chainId + 1).checksummed != v.signer)
    }

    @Test(arguments: ReserveAttestationVector.all)
    func typedDataDocumentHashesToTheSameDigest(_ v: ReserveAttestationVector) throws {
        let a = try Self.attestation(v)
        // The document a wallet would be asked to sign, hashed by the generic EIP-712 code.
        let document = try TypedData(a.typedData(chainId: v.chainId))
        #expect(document.domainSeparator.hex == v.domainSeparator)
        #expect(document.messageHash?.hex == v.hashStruct)
        #expect(document.signingDigest.hex == v.digest)
    }

    @Test func signatureBytesAreCheckedBeforeRecovery() throws {
        let v = ReserveAttestationVector.all[0]
        let bytes = try #require(Hex.decode(v.signature))
        #expect(throws: Secp256k1.RecoverableSignature.BytesError.wrongLength(64)) {
            try Secp256k1.RecoverableSignature(bytes65: Array(bytes.prefix(64)))
        }
        var badV = bytes
        badV[64] = 29
        #expect(throws: Secp256k1.RecoverableSignature.BytesError.invalidV(29)) { try Secp256k1.RecoverableSignature(bytes65: badV) }
        // v given as the raw recovery id reads the same signature.
        var raw = bytes
        raw[64] -= 27
        #expect(try Secp256k1.RecoverableSignature(bytes65: raw) == Secp256k1.RecoverableSignature(bytes65: bytes))
        #expect(try Secp256k1.RecoverableSignature(bytes65: raw).bytes65 == bytes)
    }
}
