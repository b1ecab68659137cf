import COpenSSL

/// HMAC (RFC 2104) over SHA-256 or SHA-512, computed by OpenSSL.
public enum HMAC {
    /// The HMAC of `message` under `key` with `algorithm`; the output is the digest length.
    public static func authenticate(
        _ message: [UInt8], key: [UInt8], using algorithm: DigestAlgorithm
    ) throws(OpenSSLError) -> [UInt8] {
        let operation = "HMAC-\(algorithm.openSSLName)"
        var out = [UInt8](repeating: 0, count: algorithm.outputLength)
        var written = 0
        let produced = OpenSSLInput.with(key) { keyPointer, keyCount in
            OpenSSLInput.with(message) { messagePointer, messageCount in
                out.withUnsafeMutableBufferPointer { output in
                    EVP_Q_mac(
                        nil, "HMAC", nil, algorithm.openSSLName, nil,
                        keyPointer, keyCount, messagePointer, messageCount,
                        output.baseAddress, output.count, &written) != nil
                }
            }
        }
        guard produced, written == algorithm.outputLength else {
            throw OpenSSLError.drainingQueue(operation: operation)
        }
        return out
    }

    /// HMAC-SHA256 of `message` under `key`: 32 bytes.
    public static func sha256(_ message: [UInt8], key: [UInt8]) throws(OpenSSLError) -> [UInt8] {
        try authenticate(message, key: key, using: .sha256)
    }

    /// HMAC-SHA512 of `message` under `key`: 64 bytes.
    public static func sha512(_ message: [UInt8], key: [UInt8]) throws(OpenSSLError) -> [UInt8] {
        try authenticate(message, key: key, using: .sha512)
    }
}
