import COpenSSL

/// AES-128 in counter mode (NIST SP 800-38A), computed by OpenSSL.
///
/// The counter is the whole 16-byte IV, incremented as a big-endian 128-bit number, as
/// Web3 Secret Storage and OpenSSL both define it. Encryption and decryption are the
/// same operation.
public enum AES128CTR {
    /// Key length in bytes.
    public static let keyLength = 16
    /// Initial counter block length in bytes.
    public static let ivLength = 16

    /// XORs `input` with the AES-128-CTR key stream for `key` starting at counter `iv`.
    public static func apply(_ input: [UInt8], key: [UInt8], iv: [UInt8]) throws(OpenSSLError) -> [UInt8] {
        let operation = "AES-128-CTR"
        guard key.count == keyLength else {
            throw .invalidArgument(operation: operation, reason: "the key must be \(keyLength) bytes, not \(key.count)")
        }
        guard iv.count == ivLength else {
            throw .invalidArgument(operation: operation, reason: "the IV must be \(ivLength) bytes, not \(iv.count)")
        }
        guard let inputLength = Int32(exactly: input.count) else {
            throw .invalidArgument(operation: operation, reason: "the input must be shorter than 2 GiB")
        }
        guard let context = EVP_CIPHER_CTX_new() else { throw OpenSSLError.drainingQueue(operation: operation) }
        defer { EVP_CIPHER_CTX_free(context) }
        guard EVP_EncryptInit_ex(context, EVP_aes_128_ctr(), nil, key, iv) == 1 else {
            throw OpenSSLError.drainingQueue(operation: operation)
        }
        // CTR is a stream mode: output length equals input length, and Final adds nothing.
        var out = [UInt8](repeating: 0, count: input.count + ivLength)
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        let ok = OpenSSLInput.with(input) { inputPointer, _ in
            out.withUnsafeMutableBufferPointer { output in
                guard EVP_EncryptUpdate(context, output.baseAddress, &written, inputPointer, inputLength) == 1 else {
                    return false
                }
                return EVP_EncryptFinal_ex(context, output.baseAddress.map { $0 + Int(written) }, &finalWritten) == 1
            }
        }
        guard ok, Int(written) + Int(finalWritten) == input.count else {
            throw OpenSSLError.drainingQueue(operation: operation)
        }
        return Array(out.prefix(input.count))
    }
}
