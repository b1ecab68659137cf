import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG, seeded by the operating system.
public enum SecureRandom {
    /// `count` random bytes; fails (rather than returning weak bytes) when OpenSSL's
    /// generator cannot be seeded.
    public static func bytes(_ count: Int) throws(OpenSSLError) -> [UInt8] {
        guard let length = Int32(exactly: count), length >= 0 else {
            throw .invalidArgument(operation: "RAND_bytes", reason: "cannot produce \(count) random bytes")
        }
        var out = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return out }
        let status = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, length) }
        guard status == 1 else { throw OpenSSLError.drainingQueue(operation: "RAND_bytes") }
        return out
    }
}
