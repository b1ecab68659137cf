import Testing
@testable import Node

@Suite("AES-128-CTR")
struct AES128CTRTests {
    // NIST SP 800-38A, F.5.1 CTR-AES128.Encrypt (F.5.2 decrypts the same blocks back).
    static let key = hexBytes("2b7e151628aed2a6abf7158809cf4f3c")
    static let counter = hexBytes("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")
    static let plaintext = hexBytes("""
        6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
        30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710
        """)
    static let ciphertext = hexBytes("""
        874d6191b620e3261bef6864990db6ce 9806f66b7970fdff8617187bb9fffdff
        5ae4df3edbd5d35e5b4f09020db03eab 1e031dda2fbe03d1792170a0f3009cee
        """)

    @Test("SP 800-38A F.5.1 encrypts and F.5.2 decrypts")
    func nistVector() throws {
        #expect(try AES128CTR.apply(Self.plaintext, key: Self.key, iv: Self.counter) == Self.ciphertext)
        #expect(try AES128CTR.apply(Self.ciphertext, key: Self.key, iv: Self.counter) == Self.plaintext)
    }

    @Test("a partial final block is the prefix of the full key stream; empty input gives empty output")
    func partialBlock() throws {
        let partial = try AES128CTR.apply(Array(Self.plaintext.prefix(20)), key: Self.key, iv: Self.counter)
        #expect(partial == Array(Self.ciphertext.prefix(20)))
        #expect(try AES128CTR.apply([], key: Self.key, iv: Self.counter) == [])
    }

    @Test("wrong key and IV lengths are refused", arguments: [(15, 16), (17, 16), (32, 16), (16, 12), (16, 0)])
    func badLengths(keyLength: Int, ivLength: Int) {
        #expect(throws: OpenSSLError.self) {
            try AES128CTR.apply([1, 2, 3], key: [UInt8](repeating: 1, count: keyLength), iv: [UInt8](repeating: 2, count: ivLength))
        }
    }
}
