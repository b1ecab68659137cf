/// The key-derivation function of a keystore and its parameters, salt included.
public enum KeystoreKDF: Sendable, Equatable {
    /// scrypt with cost `n` (a power of two), block size `r` and parallelism `p`.
    case scrypt(n: Int, r: Int, p: Int, salt: [UInt8])
    /// PBKDF2-HMAC-SHA256 with `iterations` rounds.
    case pbkdf2(iterations: Int, salt: [UInt8])

    /// How hard new keystores are to brute-force; the salt is drawn fresh for each file.
    public enum Cost: Sendable, Equatable {
        case scrypt(n: Int, r: Int, p: Int)
        case pbkdf2(iterations: Int)

        /// geth's `StandardScryptN`/`StandardScryptP`: about 256 MiB and a second of
        /// work per guess. The default for anything that holds value.
        public static let standard = Cost.scrypt(n: 1 << 18, r: 8, p: 1)

        /// geth's `LightScryptN`/`LightScryptP`: 4 MiB; for tests and throwaway dev keys.
        public static let light = Cost.scrypt(n: 1 << 12, r: 8, p: 6)
    }

    /// The derived key is 32 bytes: 16 for AES-128, 16 for the MAC.
    public static let derivedKeyLength = 32

    /// Fresh 32-byte salt (as geth writes) for `cost`.
    static func fresh(_ cost: Cost) throws(KeystoreError) -> KeystoreKDF {
        let salt: [UInt8]
        do { salt = try SecureRandom.bytes(32) } catch { throw .crypto(error) }
        switch cost {
        case .scrypt(let n, let r, let p): return .scrypt(n: n, r: r, p: p, salt: salt)
        case .pbkdf2(let iterations): return .pbkdf2(iterations: iterations, salt: salt)
        }
    }

    /// The 32-byte key `password` stretches to.
    func deriveKey(password: String) throws(KeystoreError) -> [UInt8] {
        let secret = Array(password.utf8)
        do {
            switch self {
            case .scrypt(let n, let r, let p, let salt):
                return try Scrypt.deriveKey(
                    password: secret, salt: salt, n: n, r: r, p: p, keyLength: Self.derivedKeyLength)
            case .pbkdf2(let iterations, let salt):
                return try PBKDF2.deriveKey(
                    password: secret, salt: salt, iterations: iterations, keyLength: Self.derivedKeyLength,
                    using: .sha256)
            }
        } catch {
            switch error {
            case .invalidArgument: throw .invalidKDFParameters(error.description)
            case .operationFailed: throw .crypto(error)
            }
        }
    }
}
