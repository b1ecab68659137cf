import COpenSSL

/// SHA-256 (FIPS 180-4), computed by OpenSSL.
public enum SHA256 {
    /// The SHA-256 digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) throws(OpenSSLError) -> Bytes32 {
        var digest = [UInt8](repeating: 0, count: 32)
        var written: UInt32 = 0
        let status = OpenSSLInput.with(bytes) { pointer, count in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(pointer, count, output.baseAddress, &written, EVP_sha256(), nil)
            }
        }
        guard status == 1, written == 32, let result = Bytes32(bytes: digest) else {
            throw OpenSSLError.drainingQueue(operation: "SHA-256")
        }
        return result
    }
}
