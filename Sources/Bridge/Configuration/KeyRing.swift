import Foundation
import Node

/// The bridge's keys: keystore v3 files in `DATADIR/keys`, one per address, named
/// `<checksummed address>.json`, readable by their owner only.
public struct KeyRing: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Why a key cannot be stored or read.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case keystore(path: String, KeystoreError)
        case duplicate(Address)
        case noKey(Address)
        case badPrivateKey(String)
        case io(String)

        public var description: String {
            switch self {
            case .keystore(let p, .wrongPassword): return "\(p): wrong password (the keystore's MAC does not match)"
            case .keystore(let p, let e): return "\(p): \(e)"
            case .duplicate(let a): return "a key for \(a) is already in the key ring"
            case .noKey(let a): return "no key for \(a) in the key ring; import it with `equity-bridge keys import`"
            case .badPrivateKey(let m): return "not a private key: \(m)"
            case .io(let m): return m
            }
        }
    }

    private func file(for address: Address) -> String {
        URL(fileURLWithPath: path).appendingPathComponent("\(address.checksummed).json").path
    }

    /// The addresses held, sorted.
    public func addresses() throws(Failure) -> [Address] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw .io("cannot list \(path): \(error.localizedDescription)")
        }
        var out: [Address] = []
        for name in names where name.hasSuffix(".json") {
            let full = URL(fileURLWithPath: path).appendingPathComponent(name).path
            do {
                let keystore = try KeystoreFile(contentsOfFile: full)
                if let address = keystore.address { out.append(address) }
            } catch { throw .keystore(path: full, error) }
        }
        return out.sorted()
    }

    /// Encrypts `key` under `password` into a new keystore file; its path.
    @discardableResult
    public func add(_ key: Secp256k1.PrivateKey, password: String, cost: KeystoreKDF.Cost = .standard) throws(Failure) -> String {
        let target = file(for: key.address)
        if FileManager.default.fileExists(atPath: target) { throw .duplicate(key.address) }
        do {
            try KeystoreFile.encrypt(key, password: password, cost: cost).write(toFile: target)
        } catch { throw .keystore(path: target, error) }
        return target
    }

    /// Copies an existing keystore file in, after checking `password` opens it; its address.
    public func importKeystore(atPath source: String, password: String) throws(Failure) -> Address {
        let keystore: KeystoreFile
        let key: Secp256k1.PrivateKey
        do {
            keystore = try KeystoreFile(contentsOfFile: source)
            key = try keystore.decrypt(password: password)
        } catch { throw .keystore(path: source, error) }
        let target = file(for: key.address)
        if FileManager.default.fileExists(atPath: target) { throw .duplicate(key.address) }
        do { try keystore.write(toFile: target) } catch { throw .keystore(path: target, error) }
        return key.address
    }

    /// Decrypts the key of `address`.
    public func key(for address: Address, password: String) throws(Failure) -> Secp256k1.PrivateKey {
        let source = file(for: address)
        guard FileManager.default.fileExists(atPath: source) else { throw .noKey(address) }
        do { return try KeystoreFile(contentsOfFile: source).decrypt(password: password) } catch {
            throw .keystore(path: source, error)
        }
    }

    /// Reads a private key written as 64 hex digits (optionally `0x`-prefixed, surrounding
    /// whitespace ignored), as `keys import --private-key-file` takes it.
    public static func privateKey(hex text: String) throws(Failure) -> Secp256k1.PrivateKey {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = trimmed.hasPrefix("0x") || trimmed.hasPrefix("0X") ? String(trimmed.dropFirst(2)) : trimmed
        guard digits.count == 64, let bytes = Hex.decode("0x" + digits) else {
            throw .badPrivateKey("expected 64 hexadecimal digits")
        }
        do { return try Secp256k1.PrivateKey(bytes: bytes) } catch { throw .badPrivateKey(String(describing: error)) }
    }
}
