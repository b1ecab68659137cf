import Testing
@testable import Node

@Suite("secp256k1")
struct Secp256k1Tests {
    static let devKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

    @Test func devAccountZeroAddress() throws {
        let key = try Secp256k1.PrivateKey(bytes: Hex.decode(Self.devKey)!)
        #expect(key.address.checksummed == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        #expect(key.publicKey.compressed.count == 33)
        #expect(try Secp256k1.PublicKey(serialized: key.publicKey.compressed) == key.publicKey)
    }

    @Test func signThenRecover() throws {
        let key = Secp256k1.PrivateKey.generate()
        let digest = Keccak256.hash(Array("transfer 10 AAPL".utf8))
        let sig = key.sign(digest: digest)
        #expect(sig.recoveryId <= 1)
        #expect(Secp256k1.isLowS(sig.s.bytes))
        #expect(try sig.recoverAddress(digest: digest) == key.address)
        // The same key and digest always give the same signature (RFC 6979).
        #expect(key.sign(digest: digest) == sig)
        // Another digest recovers someone else.
        #expect(try sig.recoverAddress(digest: Keccak256.hash([1])) != key.address)
    }

    @Test func highSIsRefused() throws {
        let key = try Secp256k1.PrivateKey(bytes: Hex.decode(Self.devKey)!)
        let digest = Keccak256.hash([42])
        let sig = key.sign(digest: digest)
        // s' = n - s is the same signature's malleated twin, with the other parity.
        let n = UInt256(bigEndian: Secp256k1.order)!
        let highS = n.subtractingReportingOverflow(UInt256(bigEndian: sig.s.bytes)!).partialValue
        let twin = Secp256k1.RecoverableSignature(
            r: sig.r, s: Bytes32(bytes: highS.bigEndianBytes)!, recoveryId: 1 - sig.recoveryId)
        #expect(throws: Secp256k1.Failure.highS) { try twin.recoverAddress(digest: digest) }
    }

    @Test func outOfRangeValuesAreRefused() throws {
        let digest = Keccak256.hash([7])
        let one = Bytes32(w0: 0, w1: 0, w2: 0, w3: 1)
        let n = Bytes32(bytes: Secp256k1.order)!
        #expect(throws: Secp256k1.Failure.signatureValueOutOfRange("r")) {
            try Secp256k1.RecoverableSignature(r: .zero, s: one, recoveryId: 0).recoverAddress(digest: digest)
        }
        #expect(throws: Secp256k1.Failure.signatureValueOutOfRange("r")) {
            try Secp256k1.RecoverableSignature(r: n, s: one, recoveryId: 0).recoverAddress(digest: digest)
        }
        #expect(throws: Secp256k1.Failure.signatureValueOutOfRange("s")) {
            try Secp256k1.RecoverableSignature(r: one, s: .zero, recoveryId: 0).recoverAddress(digest: digest)
        }
        #expect(throws: Secp256k1.Failure.invalidRecoveryId(2)) {
            try Secp256k1.RecoverableSignature(r: one, s: one, recoveryId: 2).recoverAddress(digest: digest)
        }
    }

    @Test func invalidPrivateKeysAreRefused() {
        #expect(throws: Secp256k1.Failure.invalidPrivateKey) { try Secp256k1.PrivateKey(bytes: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: Secp256k1.Failure.invalidPrivateKey) { try Secp256k1.PrivateKey(bytes: Secp256k1.order) }
        #expect(throws: Secp256k1.Failure.invalidPrivateKey) { try Secp256k1.PrivateKey(bytes: [1, 2, 3]) }
        #expect(throws: Secp256k1.Failure.invalidPublicKey) { try Secp256k1.PublicKey(serialized: [5] + [UInt8](repeating: 2, count: 32)) }
    }

    @Test func tweakAddIsModularAddition() throws {
        let one = [UInt8](repeating: 0, count: 31) + [1]
        let key = try Secp256k1.PrivateKey(bytes: one)
        let two = try key.tweakAdd(one)
        #expect(two.bytes.last == 2)
        // n - 1 + 1 = n ≡ 0: not a valid key.
        var nMinus1 = Secp256k1.order
        nMinus1[31] -= 1
        #expect(throws: Secp256k1.Failure.tweakOutOfRange) { try key.tweakAdd(nMinus1) }
    }
}
