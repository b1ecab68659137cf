/// Keccak-256 exactly as Ethereum uses it: the original Keccak padding (0x01 … 0x80),
/// which differs from NIST SHA3-256 (0x06 …). OpenSSL 3.0 has no Keccak-256, so this is
/// our own implementation: a fully unrolled Keccak-f[1600] on 25 local lanes.
///
/// Use `Keccak256.hash(_:)` for one-shot hashing, or a `Keccak256` value to absorb
/// input in pieces (`update`) and then `finalize()`.
public struct Keccak256: Sendable {
    /// Bytes absorbed per permutation: 1600 - 2·256 bits.
    static let rate = 136

    private var lanes = KeccakLanes()
    private var pending = [UInt8]()

    public init() {
        pending.reserveCapacity(Self.rate)
    }

    /// Absorbs more input.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        pending.append(contentsOf: bytes)
        if pending.count >= Self.rate {
            let full = pending.count - pending.count % Self.rate
            pending.withUnsafeBytes { raw in
                var offset = 0
                while offset < full {
                    lanes.absorbBlock(raw.baseAddress! + offset)
                    offset += Self.rate
                }
            }
            pending.removeFirst(full)
        }
    }

    /// Pads, permutes and returns the 32-byte digest.
    public consuming func finalize() -> Bytes32 {
        var block = [UInt8](repeating: 0, count: Self.rate)
        block.replaceSubrange(0..<pending.count, with: pending)
        block[pending.count] ^= 0x01
        block[Self.rate - 1] ^= 0x80
        block.withUnsafeBytes { lanes.absorbBlock($0.baseAddress!) }
        return lanes.digest
    }

    /// Keccak-256 of `bytes`.
    @inlinable
    public static func hash<C: Collection>(_ bytes: C) -> Bytes32 where C.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { hash($0) }
    }

    /// Keccak-256 of the bytes in `input`, with no intermediate copies of whole blocks.
    public static func hash(_ input: UnsafeRawBufferPointer) -> Bytes32 {
        var lanes = KeccakLanes()
        var offset = 0
        let count = input.count
        while count - offset >= rate {
            lanes.absorbBlock(input.baseAddress! + offset)
            offset += rate
        }
        // Last, padded block on the stack: 17 lanes = 136 bytes.
        var last: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &last) { block in
            let tail = count - offset
            if tail > 0 {
                block.baseAddress!.copyMemory(from: input.baseAddress! + offset, byteCount: tail)
            }
            block[tail] ^= 0x01
            block[rate - 1] ^= 0x80
            lanes.absorbBlock(UnsafeRawPointer(block.baseAddress!))
        }
        return lanes.digest
    }
}

/// The 25 lanes of the Keccak-f[1600] state.
struct KeccakLanes {
    var s0: UInt64 = 0, s1: UInt64 = 0, s2: UInt64 = 0, s3: UInt64 = 0, s4: UInt64 = 0
    var s5: UInt64 = 0, s6: UInt64 = 0, s7: UInt64 = 0, s8: UInt64 = 0, s9: UInt64 = 0
    var s10: UInt64 = 0, s11: UInt64 = 0, s12: UInt64 = 0, s13: UInt64 = 0, s14: UInt64 = 0
    var s15: UInt64 = 0, s16: UInt64 = 0, s17: UInt64 = 0, s18: UInt64 = 0, s19: UInt64 = 0
    var s20: UInt64 = 0, s21: UInt64 = 0, s22: UInt64 = 0, s23: UInt64 = 0, s24: UInt64 = 0

    /// The first 32 bytes of the state, as a big-endian `Bytes32`.
    var digest: Bytes32 {
        // Lane i holds bytes 8i..<8i+8 little-endian; a byte swap reads them big-endian.
        Bytes32(w0: s0.byteSwapped, w1: s1.byteSwapped, w2: s2.byteSwapped, w3: s3.byteSwapped)
    }

    /// XORs one 136-byte block (17 little-endian lanes) into the state and permutes.
    @inline(__always)
    mutating func absorbBlock(_ p: UnsafeRawPointer) {
        @inline(__always) func lane(_ i: Int) -> UInt64 {
            UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
        }
        s0 ^= lane(0); s1 ^= lane(1); s2 ^= lane(2); s3 ^= lane(3); s4 ^= lane(4)
        s5 ^= lane(5); s6 ^= lane(6); s7 ^= lane(7); s8 ^= lane(8); s9 ^= lane(9)
        s10 ^= lane(10); s11 ^= lane(11); s12 ^= lane(12); s13 ^= lane(13); s14 ^= lane(14)
        s15 ^= lane(15); s16 ^= lane(16)
        permute()
    }

    private static let roundConstants: [UInt64] = [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ]

    /// Keccak-f[1600]: 24 rounds of theta, rho, pi, chi, iota, unrolled over local lanes.
    mutating func permute() {
        var s0 = s0, s1 = s1, s2 = s2, s3 = s3, s4 = s4, s5 = s5, s6 = s6, s7 = s7, s8 = s8
        var s9 = s9, s10 = s10, s11 = s11, s12 = s12, s13 = s13, s14 = s14, s15 = s15, s16 = s16
        var s17 = s17, s18 = s18, s19 = s19, s20 = s20, s21 = s21, s22 = s22, s23 = s23, s24 = s24
        for round in 0..<24 {
            let c0 = s0 ^ s5 ^ s10 ^ s15 ^ s20
            let c1 = s1 ^ s6 ^ s11 ^ s16 ^ s21
            let c2 = s2 ^ s7 ^ s12 ^ s17 ^ s22
            let c3 = s3 ^ s8 ^ s13 ^ s18 ^ s23
            let c4 = s4 ^ s9 ^ s14 ^ s19 ^ s24
            let d0 = c4 ^ rotl(c1, 1)
            let d1 = c0 ^ rotl(c2, 1)
            let d2 = c1 ^ rotl(c3, 1)
            let d3 = c2 ^ rotl(c4, 1)
            let d4 = c3 ^ rotl(c0, 1)
            let b0 = (s0 ^ d0)
            let b16 = rotl(s5 ^ d0, 36)
            let b7 = rotl(s10 ^ d0, 3)
            let b23 = rotl(s15 ^ d0, 41)
            let b14 = rotl(s20 ^ d0, 18)
            let b10 = rotl(s1 ^ d1, 1)
            let b1 = rotl(s6 ^ d1, 44)
            let b17 = rotl(s11 ^ d1, 10)
            let b8 = rotl(s16 ^ d1, 45)
            let b24 = rotl(s21 ^ d1, 2)
            let b20 = rotl(s2 ^ d2, 62)
            let b11 = rotl(s7 ^ d2, 6)
            let b2 = rotl(s12 ^ d2, 43)
            let b18 = rotl(s17 ^ d2, 15)
            let b9 = rotl(s22 ^ d2, 61)
            let b5 = rotl(s3 ^ d3, 28)
            let b21 = rotl(s8 ^ d3, 55)
            let b12 = rotl(s13 ^ d3, 25)
            let b3 = rotl(s18 ^ d3, 21)
            let b19 = rotl(s23 ^ d3, 56)
            let b15 = rotl(s4 ^ d4, 27)
            let b6 = rotl(s9 ^ d4, 20)
            let b22 = rotl(s14 ^ d4, 39)
            let b13 = rotl(s19 ^ d4, 8)
            let b4 = rotl(s24 ^ d4, 14)
            s0 = b0 ^ (~b1 & b2)
            s1 = b1 ^ (~b2 & b3)
            s2 = b2 ^ (~b3 & b4)
            s3 = b3 ^ (~b4 & b0)
            s4 = b4 ^ (~b0 & b1)
            s5 = b5 ^ (~b6 & b7)
            s6 = b6 ^ (~b7 & b8)
            s7 = b7 ^ (~b8 & b9)
            s8 = b8 ^ (~b9 & b5)
            s9 = b9 ^ (~b5 & b6)
            s10 = b10 ^ (~b11 & b12)
            s11 = b11 ^ (~b12 & b13)
            s12 = b12 ^ (~b13 & b14)
            s13 = b13 ^ (~b14 & b10)
            s14 = b14 ^ (~b10 & b11)
            s15 = b15 ^ (~b16 & b17)
            s16 = b16 ^ (~b17 & b18)
            s17 = b17 ^ (~b18 & b19)
            s18 = b18 ^ (~b19 & b15)
            s19 = b19 ^ (~b15 & b16)
            s20 = b20 ^ (~b21 & b22)
            s21 = b21 ^ (~b22 & b23)
            s22 = b22 ^ (~b23 & b24)
            s23 = b23 ^ (~b24 & b20)
            s24 = b24 ^ (~b20 & b21)
            s0 ^= Self.roundConstants[round]
        }
        self.s0 = s0; self.s1 = s1; self.s2 = s2; self.s3 = s3; self.s4 = s4
        self.s5 = s5; self.s6 = s6; self.s7 = s7; self.s8 = s8; self.s9 = s9
        self.s10 = s10; self.s11 = s11; self.s12 = s12; self.s13 = s13; self.s14 = s14
        self.s15 = s15; self.s16 = s16; self.s17 = s17; self.s18 = s18; self.s19 = s19
        self.s20 = s20; self.s21 = s21; self.s22 = s22; self.s23 = s23; self.s24 = s24
    }
}

@inline(__always)
private func rotl(_ v: UInt64, _ n: UInt64) -> UInt64 { (v &<< n) | (v &>> (64 &- n)) }
