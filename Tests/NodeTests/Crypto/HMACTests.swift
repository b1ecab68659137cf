import Testing
@testable import Node

@Suite("HMAC (RFC 4231)")
struct HMACTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let key: [UInt8]
        let message: [UInt8]
        let sha256: String
        let sha512: String
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(
            name: "test case 1", key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8),
            sha256: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            sha512: "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
        Vector(
            name: "test case 2 (short key)", key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8),
            sha256: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            sha512: "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
        Vector(
            name: "test case 6 (key longer than a block)", key: [UInt8](repeating: 0xaa, count: 131),
            message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            sha256: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            sha512: "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
                + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"),
    ]

    @Test("HMAC-SHA256 and HMAC-SHA512 match the RFC", arguments: vectors)
    func rfc4231(vector: Vector) throws {
        #expect(try HMAC.sha256(vector.message, key: vector.key) == hexBytes(vector.sha256))
        #expect(try HMAC.sha512(vector.message, key: vector.key) == hexBytes(vector.sha512))
    }

    @Test("an empty key and an empty message are valid inputs")
    func emptyKeyAndMessage() throws {
        // HMAC-SHA256("", "") as every conforming implementation computes it.
        #expect(try HMAC.sha256([], key: []) == hexBytes("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"))
    }

    @Test("a one-bit change in the key changes the tag")
    func keySensitivity() throws {
        let message = Array("Hi There".utf8)
        var key = [UInt8](repeating: 0x0b, count: 20)
        let tag = try HMAC.sha512(message, key: key)
        key[19] ^= 1
        #expect(try HMAC.sha512(message, key: key) != tag)
    }
}
