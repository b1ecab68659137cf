import Testing
@testable import Node

@Suite("scrypt")
struct ScryptTests {
    @Test("RFC 7914 §12 vectors 1–3")
    func rfc7914() throws {
        #expect(try Scrypt.deriveKey(password: [], salt: [], n: 16, r: 1, p: 1, keyLength: 64) == hexBytes("""
            77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442
            fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906
            """))
        #expect(try Scrypt.deriveKey(
            password: Array("password".utf8), salt: Array("NaCl".utf8), n: 1024, r: 8, p: 16, keyLength: 64) == hexBytes("""
            fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162
            2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640
            """))
        #expect(try Scrypt.deriveKey(
            password: Array("pleaseletmein".utf8), salt: Array("SodiumChloride".utf8), n: 16384, r: 8, p: 1,
            keyLength: 64) == hexBytes("""
            7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2
            d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887
            """))
    }

    @Test("our Swift core gives the RFC 7914 §12 results too")
    func portableCore() throws {
        #expect(try ScryptROMix.deriveKey(password: [], salt: [], n: 16, r: 1, p: 1, keyLength: 64) == hexBytes("""
            77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442
            fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906
            """))
        #expect(try ScryptROMix.deriveKey(
            password: Array("password".utf8), salt: Array("NaCl".utf8), n: 1024, r: 8, p: 16, keyLength: 64) == hexBytes("""
            fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162
            2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640
            """))
        // Parameters both paths accept agree.
        #expect(try ScryptROMix.deriveKey(password: [1, 2], salt: [3], n: 32768, r: 1, p: 2, keyLength: 32)
            == Scrypt.deriveKey(password: [1, 2], salt: [3], n: 32768, r: 1, p: 2, keyLength: 32))
    }

    @Test("r = 1 with n = 65536, which OpenSSL refuses, is computed (the Web3 Secret Storage vector's shape)")
    func beyondOpenSSLBound() throws {
        // Python's hashlib (OpenSSL) refuses these; the value is the Web3 Secret Storage
        // definition's scrypt vector derived key, for n = 262144, r = 1, p = 8.
        let key = try Scrypt.deriveKey(
            password: Array("testpassword".utf8),
            salt: hexBytes("ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"),
            n: 262_144, r: 1, p: 8, keyLength: 32)
        #expect(key == hexBytes("fac192ceb5fd772906bea3e118a69e8bbb5cc24229e20d8766fd298291bba6bd"))
    }

    @Test("geth's standard cost (n = 262144, r = 8, p = 1) runs past OpenSSL's 32 MiB default cap")
    func gethStandardCost() throws {
        #expect(Scrypt.memoryRequired(n: 262_144, r: 8, p: 1) == 128 * 8 * (262_144 + 2) + 128 * 8)
        let key = try Scrypt.deriveKey(
            password: Array("testpassword".utf8), salt: Array("EquityChain".utf8), n: 262_144, r: 8, p: 1, keyLength: 32)
        // Python's hashlib.scrypt(b"testpassword", salt=b"EquityChain", n=262144, r=8, p=1, dklen=32, maxmem=2**29).
        #expect(key == hexBytes("85795749f7215ad7a7be5efa22644db7feb587e974b1a062b68ecf48aa0e88bf"))
    }

    @Test("bad cost parameters are refused before any work", arguments: [
        (0, 8, 1), (1, 8, 1), (1000, 8, 1), (1024, 0, 1), (1024, 8, 0), (-16, 8, 1),
    ])
    func badParameters(n: Int, r: Int, p: Int) {
        #expect(throws: OpenSSLError.self) {
            try Scrypt.deriveKey(password: [1], salt: [2], n: n, r: r, p: p, keyLength: 32)
        }
    }

    @Test("parameters needing more memory than the limit are refused with the amount")
    func memoryLimit() {
        do {
            _ = try Scrypt.deriveKey(password: [1], salt: [2], n: 1 << 21, r: 8, p: 1, keyLength: 32)
            Issue.record("a 2 GiB derivation was accepted under a 1 GiB limit")
        } catch {
            #expect(error.description.contains("2048 MiB"))
        }
        #expect(throws: OpenSSLError.self) {
            try Scrypt.deriveKey(password: [1], salt: [2], n: 1 << 62, r: 1 << 20, p: 1, keyLength: 32)
        }
    }
}
