import COpenSSL

/// scrypt (RFC 7914), computed by OpenSSL's `EVP_PBE_scrypt`, or by `ScryptROMix` for the
/// parameters OpenSSL refuses although geth accepts them (n ≥ 2^(16·r), i.e. r = 1 with n ≥ 65536).
public enum Scrypt {
    /// The most memory a derivation may use unless the caller allows more: 1 GiB.
    ///
    /// geth's standard keystore parameters (n = 262144, r = 8) need 256 MiB; the cap
    /// keeps a hostile keystore file from asking for the whole machine.
    public static let defaultMemoryLimit = 1 << 30

    /// Bytes of memory scrypt needs for these parameters: the V array (128·r·(n+2),
    /// as OpenSSL counts it) plus the B blocks (128·r·p). `nil` when that overflows.
    public static func memoryRequired(n: Int, r: Int, p: Int) -> Int? {
        let (block, o1) = 128.multipliedReportingOverflow(by: r)
        let (nPlus2, o2) = n.addingReportingOverflow(2)
        let (v, o3) = block.multipliedReportingOverflow(by: nPlus2)
        let (b, o4) = block.multipliedReportingOverflow(by: p)
        let (total, o5) = v.addingReportingOverflow(b)
        return o1 || o2 || o3 || o4 || o5 ? nil : total
    }

    /// Derives `keyLength` bytes from `password` and `salt` with cost `n` (a power of two
    /// above 1), block size `r` and parallelism `p`.
    public static func deriveKey(
        password: [UInt8], salt: [UInt8], n: Int, r: Int, p: Int, keyLength: Int,
        memoryLimit: Int = defaultMemoryLimit
    ) throws(OpenSSLError) -> [UInt8] {
        let operation = "scrypt"
        guard n > 1, n & (n - 1) == 0 else {
            throw .invalidArgument(operation: operation, reason: "n must be a power of two greater than 1, not \(n)")
        }
        guard r >= 1, p >= 1 else {
            throw .invalidArgument(operation: operation, reason: "r and p must be at least 1 (r = \(r), p = \(p))")
        }
        // RFC 7914 §2: p ≤ (2^32 − 1)·32 / (128·r); OpenSSL checks p·r < 2^30, the tighter bound.
        guard r.multipliedReportingOverflow(by: p).partialValue < 1 << 30, r <= 1 << 30, p <= 1 << 30 else {
            throw .invalidArgument(operation: operation, reason: "r·p must be below 2^30 (r = \(r), p = \(p))")
        }
        guard keyLength >= 1 else {
            throw .invalidArgument(operation: operation, reason: "the key length must be at least 1 byte, not \(keyLength)")
        }
        guard let memory = memoryRequired(n: n, r: r, p: p), memory <= memoryLimit else {
            let mib = memoryRequired(n: n, r: r, p: p).map { "\($0 >> 20) MiB" } ?? "more memory than can be addressed"
            throw .invalidArgument(
                operation: operation,
                reason: "n = \(n), r = \(r), p = \(p) needs \(mib), above the \(memoryLimit >> 20) MiB limit")
        }
        // OpenSSL refuses N ≥ 2^(16·r) (RFC 7914's recommendation); real keystores use
        // n = 262144 with r = 1, so those parameters go to our own core.
        guard 16 * r > 63 || n < 1 << (16 * r) else {
            return try ScryptROMix.deriveKey(password: password, salt: salt, n: n, r: r, p: p, keyLength: keyLength)
        }
        var out = [UInt8](repeating: 0, count: keyLength)
        let status = OpenSSLInput.with(password) { passwordPointer, passwordCount in
            OpenSSLInput.with(salt) { saltPointer, saltCount in
                out.withUnsafeMutableBufferPointer { output in
                    passwordPointer.withMemoryRebound(to: CChar.self, capacity: max(passwordCount, 1)) { passwordChars in
                        EVP_PBE_scrypt(
                            passwordChars, passwordCount, saltPointer, saltCount,
                            UInt64(n), UInt64(r), UInt64(p), UInt64(memoryLimit),
                            output.baseAddress, output.count)
                    }
                }
            }
        }
        guard status == 1 else { throw OpenSSLError.drainingQueue(operation: operation) }
        return out
    }
}
