import Testing
@testable import Node

@Suite("Secure random bytes")
struct SecureRandomTests {
    @Test("returns the count asked for, and two draws differ")
    func draws() throws {
        let a = try SecureRandom.bytes(32)
        let b = try SecureRandom.bytes(32)
        #expect(a.count == 32 && b.count == 32)
        // Equal 256-bit draws would mean a broken generator (chance 2^-256 otherwise).
        #expect(a != b)
        #expect(try SecureRandom.bytes(0) == [])
    }

    @Test("a negative count is refused")
    func negative() {
        #expect(throws: OpenSSLError.self) { try SecureRandom.bytes(-1) }
    }
}
