import Testing
@testable import Node

@Suite("PBKDF2")
struct PBKDF2Tests {
    @Test("PBKDF2-HMAC-SHA256, RFC 7914 §11 (c = 1 and c = 80000)")
    func rfc7914() throws {
        let one = try PBKDF2.deriveKey(
            password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, keyLength: 64, using: .sha256)
        #expect(one == hexBytes("""
            55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc
            49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783
            """))
        let many = try PBKDF2.deriveKey(
            password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80000, keyLength: 64, using: .sha256)
        #expect(many == hexBytes("""
            4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56
            a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d
            """))
    }

    @Test("PBKDF2-HMAC-SHA512, password/salt c = 1")
    func sha512() throws {
        let key = try PBKDF2.deriveKey(
            password: Array("password".utf8), salt: Array("salt".utf8), iterations: 1, keyLength: 64, using: .sha512)
        #expect(key == hexBytes("""
            867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252
            c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce
            """))
    }

    @Test("a shorter key is a prefix of the longer one")
    func prefix() throws {
        let long = try PBKDF2.deriveKey(password: [1, 2, 3], salt: [4], iterations: 3, keyLength: 40, using: .sha256)
        let short = try PBKDF2.deriveKey(password: [1, 2, 3], salt: [4], iterations: 3, keyLength: 32, using: .sha256)
        #expect(Array(long.prefix(32)) == short)
    }

    @Test("zero iterations or a zero key length are refused with a reason", arguments: [(0, 32), (1, 0), (-5, 32)])
    func badArguments(iterations: Int, keyLength: Int) {
        #expect(throws: OpenSSLError.self) {
            try PBKDF2.deriveKey(password: [1], salt: [2], iterations: iterations, keyLength: keyLength, using: .sha256)
        }
    }
}
