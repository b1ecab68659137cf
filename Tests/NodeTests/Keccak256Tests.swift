import Testing
@testable import Node

@Suite("Keccak-256")
struct Keccak256Tests {
    @Test("empty input (Ethereum's empty code hash)")
    func empty() {
        #expect(Keccak256.hash([UInt8]()).hex == "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
    }

    @Test("\"abc\"")
    func abc() {
        #expect(Keccak256.hash(Array("abc".utf8)).hex == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
    }

    @Test("200 bytes of 0xa3: crosses one 136-byte block")
    func twoHundredBytes() {
        // The Keccak team's 1600-bit 0xA3 message, Keccak[r=1088,c=512] with original padding.
        let input = [UInt8](repeating: 0xa3, count: 200)
        #expect(Keccak256.hash(input).hex == "0x3a57666b048777f2c953dc4456f45a2588e1cb6f2da760122d530ac2ce607d4a")
    }

    @Test("a multi-block input hashed one-shot and incrementally agree")
    func multiBlock() {
        // "The quick brown fox jumps over the lazy dog" has a published Keccak-256.
        #expect(Keccak256.hash(Array("The quick brown fox jumps over the lazy dog".utf8)).hex
            == "0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")
        let input = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = Keccak256()
        for chunk in stride(from: 0, to: input.count, by: 77) {
            hasher.update(input[chunk..<min(chunk + 77, input.count)])
        }
        #expect(hasher.finalize() == Keccak256.hash(input))
    }

    @Test("exact block boundaries: 135, 136 and 137 bytes differ and match incremental")
    func boundaries() {
        for n in [135, 136, 137, 272] {
            let input = [UInt8](repeating: 0x61, count: n)
            var hasher = Keccak256()
            hasher.update(input.prefix(50))
            hasher.update(input.dropFirst(50))
            #expect(hasher.finalize() == Keccak256.hash(input), "length \(n)")
        }
        #expect(Keccak256.hash([UInt8](repeating: 0x61, count: 135)) != Keccak256.hash([UInt8](repeating: 0x61, count: 136)))
    }
}
