import Testing
@testable import Node

@Suite("SHA-256 (FIPS 180-4 examples)")
struct SHA256Tests {
    @Test("empty, \"abc\" and the two-block 448-bit message")
    func examples() throws {
        #expect(try SHA256.hash([]).hex == "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try SHA256.hash(Array("abc".utf8)).hex == "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hex
            == "0x248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
