import Foundation
import Testing
@testable import Node

@Suite("Web3 Secret Storage keystores")
struct KeystoreFileTests {
    /// The Web3 Secret Storage definition's test vectors (password "testpassword").
    static let specPBKDF2 = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
        "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","kdf":"pbkdf2",
        "kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256","salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
        "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
        "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """
    static let specScrypt = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},
        "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c","kdf":"scrypt",
        "kdfparams":{"dklen":32,"n":262144,"p":8,"r":1,"salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
        "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
        "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """
    static let specKey = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d"

    @Test("the definition's PBKDF2 and scrypt vectors decrypt to its key", arguments: [specPBKDF2, specScrypt])
    func specVectors(json: String) throws {
        let file = try KeystoreFile(json: Data(json.utf8))
        #expect(file.address == nil)
        #expect(file.id == "3198bc9c-6672-5ab3-d995-4942343ae5b6")
        let key = try file.decrypt(password: "testpassword")
        #expect(key.bytes == hexBytes(Self.specKey))
        #expect(throws: KeystoreError.wrongPassword) { try file.decrypt(password: "testpassworD") }
    }

    @Test("older geth's capitalised \"Crypto\" key is accepted")
    func legacyCryptoKey() throws {
        let legacy = Self.specPBKDF2.replacingOccurrences(of: "{\"crypto\"", with: "{\"Crypto\"")
        #expect(legacy != Self.specPBKDF2)
        #expect(try KeystoreFile(json: Data(legacy.utf8)).decrypt(password: "testpassword").bytes == hexBytes(Self.specKey))
    }

    @Test("files written by eth_account decrypt to the key they were made from",
          arguments: ["eth_account-scrypt", "eth_account-pbkdf2"])
    func ethAccountVectors(name: String) throws {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Vectors/Keystore"))
        let file = try KeystoreFile(contentsOfFile: url.path)
        #expect(file.address?.checksummed == "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23")
        let key = try file.decrypt(password: "correct horse battery staple")
        #expect(key.bytes == hexBytes("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"))
        #expect(throws: KeystoreError.wrongPassword) { try file.decrypt(password: "correct horse battery stapler") }
    }

    @Test("encrypt then decrypt round-trips for each cost; the JSON reads back equal", arguments: [
        KeystoreKDF.Cost.light, .pbkdf2(iterations: 4096), .standard,
    ])
    func roundTrip(cost: KeystoreKDF.Cost) throws {
        let key = Secp256k1.PrivateKey.generate()
        let file = try KeystoreFile.encrypt(key, password: "pa55 wörd", cost: cost)
        #expect(file.address == key.address)
        #expect(UUID(uuidString: file.id) != nil && file.id == file.id.lowercased())
        #expect(try file.decrypt(password: "pa55 wörd") == key)
        #expect(throws: KeystoreError.wrongPassword) { try file.decrypt(password: "pa55 word") }
        let reread = try KeystoreFile(json: file.json)
        #expect(reread == file)
        #expect(try reread.decrypt(password: "pa55 wörd") == key)
    }

    @Test("the JSON has geth's layout: version 3, lowercase address without 0x, the KDF's fields")
    func layout() throws {
        let key = try Secp256k1.PrivateKey(bytes: hexBytes(Self.specKey))
        let file = try KeystoreFile.encrypt(key, password: "x", cost: .light)
        let object = try #require(try JSONSerialization.jsonObject(with: file.json) as? [String: Any])
        #expect(object["version"] as? Int == 3)
        #expect(object["address"] as? String == "008aeeda4d805471df9b2a5b0f38a0c3bcba786b")
        let crypto = try #require(object["crypto"] as? [String: Any])
        #expect(crypto["cipher"] as? String == "aes-128-ctr")
        #expect(crypto["kdf"] as? String == "scrypt")
        let params = try #require(crypto["kdfparams"] as? [String: Any])
        #expect(params["n"] as? Int == 4096 && params["r"] as? Int == 8 && params["p"] as? Int == 6)
        #expect(params["dklen"] as? Int == 32)
        #expect((params["salt"] as? String)?.count == 64)
        #expect(((crypto["cipherparams"] as? [String: Any])?["iv"] as? String)?.count == 32)
    }

    @Test("two encryptions of one key share no salt, IV, id or ciphertext")
    func freshRandomness() throws {
        let key = Secp256k1.PrivateKey.generate()
        let a = try KeystoreFile.encrypt(key, password: "p", cost: .light)
        let b = try KeystoreFile.encrypt(key, password: "p", cost: .light)
        #expect(a.id != b.id && a.iv != b.iv && a.ciphertext != b.ciphertext && a.kdf != b.kdf)
    }

    @Test("an altered ciphertext or MAC is caught by the MAC; a wrong address by the key check")
    func tampering() throws {
        let key = Secp256k1.PrivateKey.generate()
        let json = String(decoding: try KeystoreFile.encrypt(key, password: "p", cost: .light).json, as: UTF8.self)
        let file = try KeystoreFile(json: Data(json.utf8))
        let cipherHex = Hex.encode(file.ciphertext, prefix: false)
        var flipped = file.ciphertext
        flipped[0] ^= 1
        let altered = json.replacingOccurrences(of: cipherHex, with: Hex.encode(flipped, prefix: false))
        #expect(throws: KeystoreError.wrongPassword) { try KeystoreFile(json: Data(altered.utf8)).decrypt(password: "p") }

        let other = Secp256k1.PrivateKey.generate().address
        let addressHex = Hex.encode(key.address.bytes, prefix: false)
        let misnamed = json.replacingOccurrences(of: addressHex, with: Hex.encode(other.bytes, prefix: false))
        #expect(throws: KeystoreError.addressMismatch(stated: other.checksummed, actual: key.address.checksummed)) {
            try KeystoreFile(json: Data(misnamed.utf8)).decrypt(password: "p")
        }
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        let name: String
        let json: String
        let expected: KeystoreError
        var testDescription: String { name }

        init(_ name: String, _ expected: KeystoreError, replacing target: String, with replacement: String) {
            self.name = name
            self.expected = expected
            json = KeystoreFileTests.specPBKDF2.replacingOccurrences(of: target, with: replacement)
        }
    }

    static let badFiles: [BadFile] = [
        BadFile("not JSON", .malformedJSON("x"), replacing: "{\"crypto\"", with: "[\"crypto\""),
        BadFile("no crypto object", .malformedJSON("missing field crypto"), replacing: "{\"crypto\"", with: "{\"cryptography\""),
        BadFile("version 2", .unsupportedVersion(2), replacing: "\"version\":3", with: "\"version\":2"),
        BadFile("version as a string", .malformedJSON("version must be an integer"), replacing: "\"version\":3", with: "\"version\":\"3\""),
        BadFile("id not a UUID", .invalidID("3198bc9c"), replacing: "3198bc9c-6672-5ab3-d995-4942343ae5b6", with: "3198bc9c"),
        BadFile("CBC cipher", .unsupportedCipher("aes-128-cbc"), replacing: "aes-128-ctr", with: "aes-128-cbc"),
        BadFile("argon2", .unsupportedKDF("argon2id"), replacing: "\"kdf\":\"pbkdf2\"", with: "\"kdf\":\"argon2id\""),
        BadFile("sha512 PRF", .unsupportedPRF("hmac-sha512"), replacing: "hmac-sha256", with: "hmac-sha512"),
        BadFile("no iteration count", .invalidKDFParameters("pbkdf2 needs c in crypto.kdfparams"),
                replacing: "\"c\":262144,", with: ""),
        BadFile("iteration count as text", .malformedJSON("crypto.kdfparams.c must be an integer"),
                replacing: "\"c\":262144", with: "\"c\":\"262144\""),
        BadFile("fractional iteration count", .malformedJSON("x"), replacing: "\"c\":262144", with: "\"c\":2.5"),
        BadFile("dklen 16", .invalidKDFParameters("dklen must be 32, not 16"), replacing: "\"dklen\":32", with: "\"dklen\":16"),
        BadFile("IV not hex", .invalidHex(field: "crypto.cipherparams.iv"),
                replacing: "6087dab2f9fdbbfaddc31a909735c1e6", with: "6087dab2f9fdbbfaddc31a909735c1zz"),
        BadFile("short IV", .invalidLength(field: "crypto.cipherparams.iv", expected: 16, actual: 15),
                replacing: "6087dab2f9fdbbfaddc31a909735c1e6", with: "6087dab2f9fdbbfaddc31a909735c1"),
        BadFile("odd-length salt", .invalidHex(field: "crypto.kdfparams.salt"), replacing: "\"salt\":\"ae3c", with: "\"salt\":\"ae3"),
        BadFile("long ciphertext", .invalidLength(field: "crypto.ciphertext", expected: 32, actual: 33),
                replacing: "5318b4d5bcd28de6", with: "005318b4d5bcd28de6"),
        BadFile("short MAC", .invalidLength(field: "crypto.mac", expected: 32, actual: 31),
                replacing: "517ead924a9d0dc3", with: "7ead924a9d0dc3"),
        BadFile("missing MAC", .malformedJSON("missing field crypto.mac"),
                replacing: ",\n\"mac\":\"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2\"", with: ""),
        BadFile("bad address", .invalidLength(field: "address", expected: 20, actual: 2),
                replacing: "\"version\":3", with: "\"version\":3,\"address\":\"abcd\""),
    ]

    @Test("malformed files are refused with the field at fault", arguments: badFiles)
    func malformed(bad: BadFile) {
        #expect(bad.json != Self.specPBKDF2, "the replacement must apply")
        do {
            _ = try KeystoreFile(json: Data(bad.json.utf8))
            Issue.record("accepted a keystore with \(bad.name)")
        } catch {
            if case .malformedJSON = bad.expected, case .malformedJSON(let reason) = error {
                // The JSON parser's wording varies; check ours where we wrote it.
                if case .malformedJSON(let expected) = bad.expected, expected != "x" { #expect(reason == expected) }
            } else {
                #expect(error == bad.expected)
            }
        }
    }

    @Test("scrypt parameters that cannot or may not run are refused at decryption")
    func badScryptParameters() throws {
        let notPowerOfTwo = Self.specScrypt.replacingOccurrences(of: "\"n\":262144", with: "\"n\":262143")
        let tooHungry = Self.specScrypt.replacingOccurrences(of: "\"n\":262144", with: "\"n\":1073741824")
        for json in [notPowerOfTwo, tooHungry] {
            #expect(json != Self.specScrypt)
            let file = try KeystoreFile(json: Data(json.utf8))
            #expect {
                try file.decrypt(password: "testpassword")
            } throws: { error in
                guard case KeystoreError.invalidKDFParameters = error else { return false }
                return true
            }
        }
        let missingR = Self.specScrypt.replacingOccurrences(of: "\"r\":1,", with: "")
        #expect(throws: KeystoreError.invalidKDFParameters("scrypt needs n, r and p in crypto.kdfparams")) {
            try KeystoreFile(json: Data(missingR.utf8))
        }
    }
}
