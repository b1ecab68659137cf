import COpenSSL

/// The hash functions our OpenSSL wrappers offer to HMAC and PBKDF2.
public enum DigestAlgorithm: String, Sendable, CaseIterable {
    case sha256
    case sha512

    /// Digest length in bytes.
    public var outputLength: Int {
        switch self {
        case .sha256: return 32
        case .sha512: return 64
        }
    }

    /// OpenSSL's algorithm name, as `EVP_Q_mac` and `EVP_MD_fetch` take it.
    var openSSLName: String {
        switch self {
        case .sha256: return "SHA256"
        case .sha512: return "SHA512"
        }
    }

    /// OpenSSL's built-in method table; these are static objects that need no freeing.
    var evpMD: OpaquePointer? {
        switch self {
        case .sha256: return EVP_sha256()
        case .sha512: return EVP_sha512()
        }
    }
}
