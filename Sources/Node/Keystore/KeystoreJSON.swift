import Foundation

/// The JSON shape of a Web3 Secret Storage v3 file, as read; `KeystoreFile` checks the
/// values. geth writes `crypto`; files from older geth versions say `Crypto`.
struct KeystoreJSON: Decodable {
    struct CipherParams: Decodable {
        let iv: String
    }

    struct KDFParams: Decodable {
        let dklen: Int
        let salt: String
        let n: Int?
        let r: Int?
        let p: Int?
        let c: Int?
        let prf: String?
    }

    struct Crypto: Decodable {
        let cipher: String
        let cipherparams: CipherParams
        let ciphertext: String
        let kdf: String
        let kdfparams: KDFParams
        let mac: String
    }

    let version: Int
    let id: String
    let address: String?
    let crypto: Crypto

    private enum CodingKeys: String, CodingKey {
        case version, id, address, crypto
        case legacyCrypto = "Crypto"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        id = try container.decode(String.self, forKey: .id)
        address = try container.decodeIfPresent(String.self, forKey: .address)
        if container.contains(.crypto) {
            crypto = try container.decode(Crypto.self, forKey: .crypto)
        } else {
            crypto = try container.decode(Crypto.self, forKey: .legacyCrypto)
        }
    }

    /// Reads `data`, turning Foundation's decoding errors into one line naming the field.
    static func parse(_ data: Data) throws(KeystoreError) -> KeystoreJSON {
        do {
            return try JSONDecoder().decode(KeystoreJSON.self, from: data)
        } catch let error as DecodingError {
            throw .malformedJSON(explain(error))
        } catch {
            throw .malformedJSON(String(describing: error))
        }
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the document" : keys.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            if key.stringValue == CodingKeys.legacyCrypto.stringValue {
                return "missing field crypto"
            }
            return "missing field \(path(context.codingPath + [key]))"
        case .typeMismatch(let type, let context):
            let expected = type == Int.self ? "an integer" : type == String.self ? "a string" : "an object"
            return "\(path(context.codingPath)) must be \(expected)"
        case .valueNotFound(_, let context):
            return "\(path(context.codingPath)) is null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not JSON (\(context.debugDescription))"
                : "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
