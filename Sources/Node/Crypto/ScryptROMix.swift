/// scrypt's memory-hard core (RFC 7914 §4–6: Salsa20/8, BlockMix, ROMix) in Swift, with
/// OpenSSL's PBKDF2-HMAC-SHA256 for the steps before and after.
///
/// Why it exists: OpenSSL enforces RFC 7914's "N < 2^(128·r/8)", so it refuses r = 1
/// with N ≥ 65536. Keystores with n = 262144, r = 1, p = 8 are common (the Web3 Secret
/// Storage test vector, eth-keyfile's former defaults), and geth reads them, so `Scrypt`
/// falls back to this for exactly those parameters. The result is the same function;
/// the bound is an RFC recommendation, not part of the computation.
enum ScryptROMix {
    static func deriveKey(
        password: [UInt8], salt: [UInt8], n: Int, r: Int, p: Int, keyLength: Int
    ) throws(OpenSSLError) -> [UInt8] {
        let blockWords = 32 * r
        let blockBytes = 4 * blockWords
        let expanded = try PBKDF2.deriveKey(
            password: password, salt: salt, iterations: 1, keyLength: p * blockBytes, using: .sha256)
        var words = [UInt32](repeating: 0, count: p * blockWords)
        for i in words.indices {
            words[i] = UInt32(expanded[4 * i]) | UInt32(expanded[4 * i + 1]) << 8
                | UInt32(expanded[4 * i + 2]) << 16 | UInt32(expanded[4 * i + 3]) << 24
        }
        let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: (n + 2) * blockWords)
        defer { scratch.deallocate() }
        words.withUnsafeMutableBufferPointer { buffer in
            for block in 0..<p {
                romix(buffer.baseAddress! + block * blockWords, n: n, r: r, scratch: scratch)
            }
        }
        var mixed = [UInt8](repeating: 0, count: words.count * 4)
        for (i, word) in words.enumerated() {
            mixed[4 * i] = UInt8(truncatingIfNeeded: word)
            mixed[4 * i + 1] = UInt8(truncatingIfNeeded: word >> 8)
            mixed[4 * i + 2] = UInt8(truncatingIfNeeded: word >> 16)
            mixed[4 * i + 3] = UInt8(truncatingIfNeeded: word >> 24)
        }
        return try PBKDF2.deriveKey(password: password, salt: mixed, iterations: 1, keyLength: keyLength, using: .sha256)
    }

    // The loops below use `while`, wrapping operators and masking shifts on local words
    // because tests run unoptimised builds, where a `for … in` range or a generic `<<`
    // costs a function call per word (about 10x slower overall).

    /// ROMix on one 128·r-byte block `b`, in place. `scratch` holds N blocks of V plus
    /// two working blocks.
    private static func romix(_ b: UnsafeMutablePointer<UInt32>, n: Int, r: Int, scratch: UnsafeMutablePointer<UInt32>) {
        let blockWords = 32 * r
        let x = scratch + n * blockWords
        let y = x + blockWords
        x.update(from: b, count: blockWords)
        var i = 0
        while i < n {
            (scratch + i * blockWords).update(from: x, count: blockWords)
            blockMix(x, into: y, r: r)
            x.update(from: y, count: blockWords)
            i &+= 1
        }
        let mask = n - 1
        i = 0
        while i < n {
            // Integerify: the first word of the last 64-byte sub-block, little-endian; N is
            // a power of two below 2^32 here (the memory limit sees to it), so the low word suffices.
            let v = scratch + (Int(x[blockWords - 16]) & mask) * blockWords
            var k = 0
            while k < blockWords {
                x[k] ^= v[k]
                k &+= 1
            }
            blockMix(x, into: y, r: r)
            x.update(from: y, count: blockWords)
            i &+= 1
        }
        b.update(from: x, count: blockWords)
    }

    /// BlockMix: Salsa20/8 chained over the 2r sub-blocks of `input`, Y_i written to
    /// position i/2 (even i) or r + i/2 (odd i).
    private static func blockMix(_ input: UnsafeMutablePointer<UInt32>, into output: UnsafeMutablePointer<UInt32>, r: Int) {
        let last = input + (2 * r - 1) * 16
        var s0 = last[0], s1 = last[1], s2 = last[2], s3 = last[3], s4 = last[4], s5 = last[5], s6 = last[6]
        var s7 = last[7], s8 = last[8], s9 = last[9], s10 = last[10], s11 = last[11], s12 = last[12]
        var s13 = last[13], s14 = last[14], s15 = last[15]
        var i = 0
        while i < 2 * r {
            let b = input + i * 16
            s0 ^= b[0]; s1 ^= b[1]; s2 ^= b[2]; s3 ^= b[3]; s4 ^= b[4]; s5 ^= b[5]; s6 ^= b[6]; s7 ^= b[7]
            s8 ^= b[8]; s9 ^= b[9]; s10 ^= b[10]; s11 ^= b[11]; s12 ^= b[12]; s13 ^= b[13]; s14 ^= b[14]; s15 ^= b[15]
            // Salsa20/8: four double rounds, then add the input words.
            var x0 = s0, x1 = s1, x2 = s2, x3 = s3, x4 = s4, x5 = s5, x6 = s6, x7 = s7
            var x8 = s8, x9 = s9, x10 = s10, x11 = s11, x12 = s12, x13 = s13, x14 = s14, x15 = s15
            var round = 0
            while round < 4 {
                var t = x0 &+ x12; x4 ^= t &<< 7 | t &>> 25
                t = x4 &+ x0; x8 ^= t &<< 9 | t &>> 23
                t = x8 &+ x4; x12 ^= t &<< 13 | t &>> 19
                t = x12 &+ x8; x0 ^= t &<< 18 | t &>> 14
                t = x5 &+ x1; x9 ^= t &<< 7 | t &>> 25
                t = x9 &+ x5; x13 ^= t &<< 9 | t &>> 23
                t = x13 &+ x9; x1 ^= t &<< 13 | t &>> 19
                t = x1 &+ x13; x5 ^= t &<< 18 | t &>> 14
                t = x10 &+ x6; x14 ^= t &<< 7 | t &>> 25
                t = x14 &+ x10; x2 ^= t &<< 9 | t &>> 23
                t = x2 &+ x14; x6 ^= t &<< 13 | t &>> 19
                t = x6 &+ x2; x10 ^= t &<< 18 | t &>> 14
                t = x15 &+ x11; x3 ^= t &<< 7 | t &>> 25
                t = x3 &+ x15; x7 ^= t &<< 9 | t &>> 23
                t = x7 &+ x3; x11 ^= t &<< 13 | t &>> 19
                t = x11 &+ x7; x15 ^= t &<< 18 | t &>> 14
                t = x0 &+ x3; x1 ^= t &<< 7 | t &>> 25
                t = x1 &+ x0; x2 ^= t &<< 9 | t &>> 23
                t = x2 &+ x1; x3 ^= t &<< 13 | t &>> 19
                t = x3 &+ x2; x0 ^= t &<< 18 | t &>> 14
                t = x5 &+ x4; x6 ^= t &<< 7 | t &>> 25
                t = x6 &+ x5; x7 ^= t &<< 9 | t &>> 23
                t = x7 &+ x6; x4 ^= t &<< 13 | t &>> 19
                t = x4 &+ x7; x5 ^= t &<< 18 | t &>> 14
                t = x10 &+ x9; x11 ^= t &<< 7 | t &>> 25
                t = x11 &+ x10; x8 ^= t &<< 9 | t &>> 23
                t = x8 &+ x11; x9 ^= t &<< 13 | t &>> 19
                t = x9 &+ x8; x10 ^= t &<< 18 | t &>> 14
                t = x15 &+ x14; x12 ^= t &<< 7 | t &>> 25
                t = x12 &+ x15; x13 ^= t &<< 9 | t &>> 23
                t = x13 &+ x12; x14 ^= t &<< 13 | t &>> 19
                t = x14 &+ x13; x15 ^= t &<< 18 | t &>> 14
                round &+= 1
            }
            s0 &+= x0; s1 &+= x1; s2 &+= x2; s3 &+= x3; s4 &+= x4; s5 &+= x5; s6 &+= x6; s7 &+= x7
            s8 &+= x8; s9 &+= x9; s10 &+= x10; s11 &+= x11; s12 &+= x12; s13 &+= x13; s14 &+= x14; s15 &+= x15
            let o = output + ((i & 1) * r + (i >> 1)) * 16
            o[0] = s0; o[1] = s1; o[2] = s2; o[3] = s3; o[4] = s4; o[5] = s5; o[6] = s6; o[7] = s7
            o[8] = s8; o[9] = s9; o[10] = s10; o[11] = s11; o[12] = s12; o[13] = s13; o[14] = s14; o[15] = s15
            i &+= 1
        }
    }
}
