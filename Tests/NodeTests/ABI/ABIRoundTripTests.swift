import Testing
@testable import Node

/// SplitMix64: a tiny seeded generator of our own, so every run draws the same cases.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (bound > 0); the slight modulo bias does not matter here.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
}

/// Random types and values: encode → decode is the identity, and the strict decoder
/// accepts nothing but canonical encodings (a mutated encoding either fails or decodes
/// to values whose encoding is exactly the mutated bytes).
@Suite("ABI round trips")
struct ABIRoundTripTests {
    static let scalars: [Unicode.Scalar] = ["a", "Z", "0", " ", "é", "ß", "漢", "€", "😀", "\u{0}"]

    static func randomType(_ rng: inout SplitMix64, depth: Int = 0) -> ABIType {
        let composite = depth < 3 ? 3 : 0
        switch rng.below(8 + composite) {
        case 0: return .uint(8 * (1 + rng.below(32)))
        case 1: return .int(8 * (1 + rng.below(32)))
        case 2: return .address
        case 3: return .bool
        case 4: return .fixedBytes(1 + rng.below(32))
        case 5: return .bytes
        case 6: return .string
        case 7: return .uint256
        case 8: return .array(randomType(&rng, depth: depth + 1))
        case 9: return .fixedArray(randomType(&rng, depth: depth + 1), 1 + rng.below(3))
        default: return .tuple((0...rng.below(3)).map { _ in randomType(&rng, depth: depth + 1) })
        }
    }

    static func randomValue(_ type: ABIType, _ rng: inout SplitMix64) -> ABIValue {
        switch type {
        case .uint(let bits):
            var word = rng.bytes(32)
            for i in 0..<(32 - bits / 8) { word[i] = 0 }
            return .uint(UInt256(bigEndian: word) ?? .zero)
        case .int(let bits):
            var word = rng.bytes(32)
            let pad = 32 - bits / 8
            let fill: UInt8 = word[pad] & 0x80 != 0 ? 0xff : 0
            for i in 0..<pad { word[i] = fill }
            return .int(UInt256(bigEndian: word) ?? .zero)
        case .address: return .address(Address(bytes: rng.bytes(20)) ?? .zero)
        case .bool: return .bool(rng.below(2) == 1)
        case .fixedBytes(let n): return .fixedBytes(rng.bytes(n))
        case .bytes: return .bytes(rng.bytes(rng.below(70)))
        case .string:
            var text = ""
            for _ in 0..<rng.below(20) { text.unicodeScalars.append(scalars[rng.below(scalars.count)]) }
            return .string(text)
        case .array(let element): return .array((0..<rng.below(4)).map { _ in randomValue(element, &rng) })
        case .fixedArray(let element, let count): return .array((0..<count).map { _ in randomValue(element, &rng) })
        case .tuple(let components): return .tuple(components.map { randomValue($0, &rng) })
        }
    }

    @Test func encodeThenDecodeIsIdentity() throws {
        var rng = SplitMix64(seed: 0x4571_17C4_A1B0_0001)
        for _ in 0..<400 {
            let types = (0..<(1 + rng.below(4))).map { _ in Self.randomType(&rng) }
            let values = types.map { Self.randomValue($0, &rng) }
            let encoded = try ABIEncoder.encode(values, as: types)
            #expect(encoded.count % 32 == 0)
            let decoded = try ABIDecoder.decode(encoded, as: types)
            #expect(decoded == values, "types \(types)")
        }
    }

    @Test func strictDecodingAcceptsOnlyCanonicalBytes() throws {
        var rng = SplitMix64(seed: 0x0BAD_CA11_DA7A_0002)
        var accepted = 0, refused = 0
        for _ in 0..<150 {
            let types = (0..<(1 + rng.below(3))).map { _ in Self.randomType(&rng) }
            let encoded = try ABIEncoder.encode(types.map { Self.randomValue($0, &rng) }, as: types)
            guard !encoded.isEmpty else { continue }
            for _ in 0..<12 {
                var mutated = encoded
                switch rng.below(3) {
                case 0: mutated[rng.below(mutated.count)] ^= UInt8(1 + rng.below(255))
                case 1: mutated.removeLast(1 + rng.below(mutated.count))
                default: mutated += rng.bytes(1 + rng.below(40))
                }
                if let decoded = try? ABIDecoder.decode(mutated, as: types) {
                    accepted += 1
                    #expect(try ABIEncoder.encode(decoded, as: types) == mutated, "types \(types)")
                } else {
                    refused += 1
                }
            }
            // Every strict prefix is refused: the canonical encoding reads every byte.
            let cut = rng.below(encoded.count)
            #expect(throws: ABIDecodingError.self) { try ABIDecoder.decode(Array(encoded.prefix(cut)), as: types) }
        }
        // Both outcomes occur, so neither branch above is vacuous.
        #expect(accepted > 100 && refused > 100, "accepted \(accepted), refused \(refused)")
    }
}
