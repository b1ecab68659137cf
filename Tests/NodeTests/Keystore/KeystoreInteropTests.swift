import Foundation
import Testing
@testable import Node

@Suite("Keystore files on disk and with eth_account")
struct KeystoreInteropTests {
    /// A fresh directory for one test's files.
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("keystore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("files we write decrypt in eth_account to the same key",
          .enabled(if: PythonEthAccount.isAvailable, PythonEthAccount.missingReason),
          arguments: [KeystoreKDF.Cost.light, .standard, .pbkdf2(iterations: 10_000)])
    func decryptsInEthAccount(cost: KeystoreKDF.Cost) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("key.json").path
        let key = Secp256k1.PrivateKey.generate()
        let password = "interop pässword"
        try KeystoreFile.encrypt(key, password: password, cost: cost).write(toFile: path)

        let script = """
            import json, sys
            from eth_account import Account
            with open(sys.argv[1]) as f:
                keystore = json.load(f)
            key = Account.decrypt(keystore, sys.argv[2])
            print(key.hex().removeprefix("0x"), Account.from_key(key).address)
            """
        let result = try PythonEthAccount.run(["-c", script, path, password])
        #expect(result.status == 0, "eth_account failed: \(result.errors)")
        let fields = result.output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(fields.first == Hex.encode(key.bytes, prefix: false))
        #expect(fields.last == key.address.checksummed)

        let wrong = try PythonEthAccount.run(["-c", script, path, password + "!"])
        #expect(wrong.status != 0, "eth_account must refuse the wrong password too")
    }

    @Test("a written file is owner-only, reads back equal, and is never overwritten")
    func fileRoundTrip() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("key.json").path
        let key = Secp256k1.PrivateKey.generate()
        let file = try KeystoreFile.encrypt(key, password: "p", cost: .light)
        try file.write(toFile: path)

        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let reread = try KeystoreFile(contentsOfFile: path)
        #expect(reread == file)
        #expect(try reread.decrypt(password: "p") == key)

        let other = try KeystoreFile.encrypt(Secp256k1.PrivateKey.generate(), password: "p", cost: .light)
        #expect(throws: KeystoreError.self) { try other.write(toFile: path) }
        #expect(try KeystoreFile(contentsOfFile: path) == file, "the first key must survive")
    }

    @Test("missing, oversized and non-JSON files are refused with the path")
    func badFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("absent.json").path
        #expect {
            try KeystoreFile(contentsOfFile: missing)
        } throws: { error in
            guard case KeystoreError.fileSystem(let path, _) = error else { return false }
            return path == missing
        }
        let big = directory.appendingPathComponent("big.json")
        try Data(repeating: 0x20, count: KeystoreFile.maximumFileSize + 1).write(to: big)
        #expect(throws: KeystoreError.self) { try KeystoreFile(contentsOfFile: big.path) }
        let text = directory.appendingPathComponent("text.json")
        try Data("hello".utf8).write(to: text)
        #expect {
            try KeystoreFile(contentsOfFile: text.path)
        } throws: { error in
            guard case KeystoreError.malformedJSON = error else { return false }
            return true
        }
        #expect(throws: KeystoreError.self) {
            try KeystoreFile.encrypt(Secp256k1.PrivateKey.generate(), password: "p", cost: .light)
                .write(toFile: directory.appendingPathComponent("no/such/dir/key.json").path)
        }
    }
}
