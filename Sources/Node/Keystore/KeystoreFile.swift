import Foundation

/// A private key encrypted with a password in the Web3 Secret Storage v3 format, the
/// keystore file format of geth, MetaMask exports, ethers and eth_account.
///
/// The password is stretched by scrypt or PBKDF2-HMAC-SHA256 into 32 bytes; the first 16
/// are the AES-128-CTR key for the private key, the last 16 go into the MAC
/// `keccak256(derived[16..<32] ‖ ciphertext)`, which tells a wrong password apart before
/// anything is decrypted.
public struct KeystoreFile: Sendable, Equatable {
    /// The file's UUID, lowercase.
    public let id: String
    /// The address the file says it holds; optional in the format, checked on decryption.
    public let address: Address?
    /// The KDF and its parameters.
    public let kdf: KeystoreKDF
    /// The AES-128-CTR initial counter, 16 bytes.
    public let iv: [UInt8]
    /// The encrypted private key, 32 bytes.
    public let ciphertext: [UInt8]
    /// keccak256(derived[16..<32] ‖ ciphertext).
    public let mac: Bytes32

    /// Keystore files are well under a kilobyte; anything far larger is not one.
    static let maximumFileSize = 64 * 1024

    /// Encrypts `key` under `password` with fresh salt, IV and id.
    public static func encrypt(
        _ key: Secp256k1.PrivateKey, password: String, cost: KeystoreKDF.Cost = .standard
    ) throws(KeystoreError) -> KeystoreFile {
        let kdf = try KeystoreKDF.fresh(cost)
        let derived = try kdf.deriveKey(password: password)
        let iv: [UInt8]
        let ciphertext: [UInt8]
        do {
            iv = try SecureRandom.bytes(AES128CTR.ivLength)
            ciphertext = try AES128CTR.apply(key.bytes, key: Array(derived[0..<16]), iv: iv)
        } catch {
            throw .crypto(error)
        }
        return KeystoreFile(
            id: UUID().uuidString.lowercased(), address: key.address, kdf: kdf, iv: iv, ciphertext: ciphertext,
            mac: mac(derived: derived, ciphertext: ciphertext))
    }

    private init(id: String, address: Address?, kdf: KeystoreKDF, iv: [UInt8], ciphertext: [UInt8], mac: Bytes32) {
        self.id = id
        self.address = address
        self.kdf = kdf
        self.iv = iv
        self.ciphertext = ciphertext
        self.mac = mac
    }

    /// The private key, if `password` is right and the file is intact.
    public func decrypt(password: String) throws(KeystoreError) -> Secp256k1.PrivateKey {
        let derived = try kdf.deriveKey(password: password)
        // Compare every byte whatever the first difference, so timing says nothing.
        let expected = Self.mac(derived: derived, ciphertext: ciphertext).bytes
        guard zip(expected, mac.bytes).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else { throw .wrongPassword }
        let plaintext: [UInt8]
        do { plaintext = try AES128CTR.apply(ciphertext, key: Array(derived[0..<16]), iv: iv) } catch {
            throw .crypto(error)
        }
        let key: Secp256k1.PrivateKey
        do { key = try Secp256k1.PrivateKey(bytes: plaintext) } catch { throw .invalidPrivateKey }
        if let address, address != key.address {
            throw .addressMismatch(stated: address.checksummed, actual: key.address.checksummed)
        }
        return key
    }

    private static func mac(derived: [UInt8], ciphertext: [UInt8]) -> Bytes32 {
        var hasher = Keccak256()
        hasher.update(derived[16..<32])
        hasher.update(ciphertext)
        return hasher.finalize()
    }

    // MARK: JSON

    /// Reads a keystore's JSON and checks every field; nothing is decrypted yet.
    public init(json: Data) throws(KeystoreError) {
        let file = try KeystoreJSON.parse(json)
        guard file.version == 3 else { throw .unsupportedVersion(file.version) }
        guard let uuid = UUID(uuidString: file.id) else { throw .invalidID(file.id) }
        let crypto = file.crypto
        guard crypto.cipher == "aes-128-ctr" else { throw .unsupportedCipher(crypto.cipher) }
        let params = crypto.kdfparams
        guard params.dklen == KeystoreKDF.derivedKeyLength else {
            throw .invalidKDFParameters("dklen must be \(KeystoreKDF.derivedKeyLength), not \(params.dklen)")
        }
        let salt = try Self.bytes(params.salt, field: "crypto.kdfparams.salt")
        switch crypto.kdf {
        case "scrypt":
            guard let n = params.n, let r = params.r, let p = params.p else {
                throw .invalidKDFParameters("scrypt needs n, r and p in crypto.kdfparams")
            }
            kdf = .scrypt(n: n, r: r, p: p, salt: salt)
        case "pbkdf2":
            guard let c = params.c else { throw .invalidKDFParameters("pbkdf2 needs c in crypto.kdfparams") }
            guard params.prf == "hmac-sha256" else { throw .unsupportedPRF(params.prf ?? "(missing)") }
            kdf = .pbkdf2(iterations: c, salt: salt)
        default:
            throw .unsupportedKDF(crypto.kdf)
        }
        id = uuid.uuidString.lowercased()
        iv = try Self.bytes(crypto.cipherparams.iv, field: "crypto.cipherparams.iv", length: AES128CTR.ivLength)
        ciphertext = try Self.bytes(crypto.ciphertext, field: "crypto.ciphertext", length: 32)
        let macBytes = try Self.bytes(crypto.mac, field: "crypto.mac", length: 32)
        guard let mac = Bytes32(bytes: macBytes) else {
            throw .invalidLength(field: "crypto.mac", expected: 32, actual: macBytes.count)
        }
        self.mac = mac
        if let text = file.address {
            // Writers differ in case (eth_account writes EIP-55 mixed case): read the bytes.
            let raw = try Self.bytes(text, field: "address", length: 20)
            address = Address(bytes: raw)
        } else {
            address = nil
        }
    }

    /// The file as geth writes it: lowercase hex without `0x`, keys in alphabetical order.
    public var json: Data {
        var fields: [String] = []
        if let address { fields.append("\"address\":\"\(Hex.encode(address.bytes, prefix: false))\"") }
        let kdfName: String
        let kdfParams: String
        switch kdf {
        case .scrypt(let n, let r, let p, let salt):
            kdfName = "scrypt"
            kdfParams = "\"dklen\":\(KeystoreKDF.derivedKeyLength),\"n\":\(n),\"p\":\(p),\"r\":\(r),\"salt\":\"\(Hex.encode(salt, prefix: false))\""
        case .pbkdf2(let iterations, let salt):
            kdfName = "pbkdf2"
            kdfParams = "\"c\":\(iterations),\"dklen\":\(KeystoreKDF.derivedKeyLength),\"prf\":\"hmac-sha256\",\"salt\":\"\(Hex.encode(salt, prefix: false))\""
        }
        fields.append(
            "\"crypto\":{\"cipher\":\"aes-128-ctr\",\"cipherparams\":{\"iv\":\"\(Hex.encode(iv, prefix: false))\"},"
                + "\"ciphertext\":\"\(Hex.encode(ciphertext, prefix: false))\",\"kdf\":\"\(kdfName)\","
                + "\"kdfparams\":{\(kdfParams)},\"mac\":\"\(Hex.encode(mac.bytes, prefix: false))\"}")
        // `id` is always a parsed or generated UUID, so it needs no escaping.
        fields.append("\"id\":\"\(id)\"")
        fields.append("\"version\":3")
        return Data(("{" + fields.joined(separator: ",") + "}").utf8)
    }

    private static func bytes(_ text: String, field: String, length: Int? = nil) throws(KeystoreError) -> [UInt8] {
        guard let raw = Hex.decode(text) else { throw .invalidHex(field: field) }
        if let length, raw.count != length { throw .invalidLength(field: field, expected: length, actual: raw.count) }
        return raw
    }

    // MARK: Files

    /// Reads and checks the keystore file at `path`.
    public init(contentsOfFile path: String) throws(KeystoreError) {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            let size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
            guard size <= Self.maximumFileSize else {
                throw KeystoreError.fileSystem(path: path, reason: "\(size) bytes is too large for a keystore file")
            }
            data = try Data(contentsOf: url)
        } catch let error as KeystoreError {
            throw error
        } catch {
            throw .fileSystem(path: path, reason: error.localizedDescription)
        }
        try self.init(json: data)
    }

    /// Writes the keystore to a new file at `path`, readable by its owner only (0600),
    /// flushed to disk. Refuses to replace an existing file: that could destroy a key.
    public func write(toFile path: String) throws(KeystoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw .fileSystem(path: path, reason: String(cString: strerror(errno))) }
        let bytes = [UInt8](json)
        var failure: String?
        var offset = 0
        while offset < bytes.count, failure == nil {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if written == 0 {
                failure = "the file system accepted no bytes"
            } else if errno != EINTR {
                failure = String(cString: strerror(errno))
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(path)
            throw .fileSystem(path: path, reason: failure)
        }
    }
}
