/// Why a Web3 Secret Storage keystore could not be read, decrypted or written.
public enum KeystoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not JSON, or a field is missing or of the wrong JSON type.
    case malformedJSON(String)
    /// Only version 3 files exist in practice; geth refuses others too.
    case unsupportedVersion(Int)
    /// The `id` is not a UUID.
    case invalidID(String)
    /// Only `aes-128-ctr` is defined for version 3.
    case unsupportedCipher(String)
    /// Only `scrypt` and `pbkdf2` are defined.
    case unsupportedKDF(String)
    /// PBKDF2 keystores use `hmac-sha256`.
    case unsupportedPRF(String)
    /// A field that holds bytes is not hexadecimal.
    case invalidHex(field: String)
    /// A byte field has the wrong length.
    case invalidLength(field: String, expected: Int, actual: Int)
    /// KDF parameters outside what can or may be computed (n not a power of two, too much memory, …).
    case invalidKDFParameters(String)
    /// The MAC does not match: the password is wrong, or the file was altered.
    case wrongPassword
    /// The MAC matched but the plaintext is not a valid secp256k1 private key.
    case invalidPrivateKey
    /// The key decrypted, but its address is not the one the file names.
    case addressMismatch(stated: String, actual: String)
    /// OpenSSL failed.
    case crypto(OpenSSLError)
    /// Reading or writing the file failed.
    case fileSystem(path: String, reason: String)

    public var description: String {
        switch self {
        case .malformedJSON(let reason):
            return "keystore is not valid Web3 Secret Storage JSON: \(reason)"
        case .unsupportedVersion(let version):
            return "keystore version \(version) is not supported: only version 3"
        case .invalidID(let id):
            return "keystore id \"\(id)\" is not a UUID"
        case .unsupportedCipher(let cipher):
            return "keystore cipher \"\(cipher)\" is not supported: only aes-128-ctr"
        case .unsupportedKDF(let kdf):
            return "keystore kdf \"\(kdf)\" is not supported: only scrypt and pbkdf2"
        case .unsupportedPRF(let prf):
            return "keystore pbkdf2 prf \"\(prf)\" is not supported: only hmac-sha256"
        case .invalidHex(let field):
            return "keystore field \(field) is not hexadecimal"
        case .invalidLength(let field, let expected, let actual):
            return "keystore field \(field) must be \(expected) bytes, not \(actual)"
        case .invalidKDFParameters(let reason):
            return "keystore KDF parameters refused: \(reason)"
        case .wrongPassword:
            return "wrong password for this keystore (MAC mismatch; or the file was altered)"
        case .invalidPrivateKey:
            return "keystore decrypted to an invalid secp256k1 private key: the file is corrupt"
        case .addressMismatch(let stated, let actual):
            return "keystore names address \(stated) but holds the key of \(actual)"
        case .crypto(let error):
            return error.description
        case .fileSystem(let path, let reason):
            return "keystore file \(path): \(reason)"
        }
    }
}
