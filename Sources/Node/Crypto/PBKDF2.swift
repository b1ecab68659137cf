import COpenSSL

/// PBKDF2 (RFC 8018) with HMAC-SHA256 or HMAC-SHA512 as the PRF, computed by OpenSSL.
public enum PBKDF2 {
    /// Derives `keyLength` bytes from `password` and `salt` with `iterations` rounds.
    public static func deriveKey(
        password: [UInt8], salt: [UInt8], iterations: Int, keyLength: Int,
        using algorithm: DigestAlgorithm
    ) throws(OpenSSLError) -> [UInt8] {
        let operation = "PBKDF2-HMAC-\(algorithm.openSSLName)"
        // OpenSSL takes every length and count as a C int.
        guard let rounds = Int32(exactly: iterations), rounds >= 1 else {
            throw .invalidArgument(operation: operation, reason: "the iteration count must be between 1 and \(Int32.max), not \(iterations)")
        }
        guard let length = Int32(exactly: keyLength), length >= 1 else {
            throw .invalidArgument(operation: operation, reason: "the key length must be between 1 and \(Int32.max) bytes, not \(keyLength)")
        }
        guard let passwordLength = Int32(exactly: password.count), let saltLength = Int32(exactly: salt.count) else {
            throw .invalidArgument(operation: operation, reason: "the password and salt must each be shorter than 2 GiB")
        }
        var out = [UInt8](repeating: 0, count: keyLength)
        let status = OpenSSLInput.with(password) { passwordPointer, _ in
            OpenSSLInput.with(salt) { saltPointer, _ in
                out.withUnsafeMutableBufferPointer { output in
                    passwordPointer.withMemoryRebound(to: CChar.self, capacity: max(password.count, 1)) { passwordChars in
                        PKCS5_PBKDF2_HMAC(
                            passwordChars, passwordLength, saltPointer, saltLength,
                            rounds, algorithm.evpMD, length, output.baseAddress)
                    }
                }
            }
        }
        guard status == 1 else { throw OpenSSLError.drainingQueue(operation: operation) }
        return out
    }
}
