import Foundation
import Testing
@testable import Node

/// Typed data hashed and signed by Python's eth_account (scripts/gen-eip712-vectors.py
/// wrote Tests/Vectors/eip712-eth-account.json): arrays, nested arrays of structs,
/// fixed arrays, recursion through a dynamic array, all five domain fields, integers
/// as numbers, decimal and hex strings.
@Suite("EIP-712 eth_account vectors")
struct TypedDataEthAccountVectorTests {
    struct Vector: Sendable {
        let name: String
        let typedData: JSONValue
        let fields: [String: JSONValue]

        func text(_ key: String) -> String {
            if case .string(let s)? = fields[key] { return s }
            return ""
        }
    }

    static func load() throws -> [Vector] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Vectors/eip712-eth-account.json")
        let root = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
        guard case .array(let cases) = root else { return [] }
        return cases.compactMap { item -> Vector? in
            guard case .object(let fields) = item, case .string(let name)? = fields["name"],
                  let typedData = fields["typedData"] else { return nil }
            return Vector(name: name, typedData: typedData, fields: fields)
        }
    }

    @Test func vectorFileHasTheCases() throws {
        #expect(try Self.load().count == 3)
    }

    @Test(arguments: [0, 1, 2])
    func hashesMatchEthAccount(index: Int) throws {
        let vector = try #require(try Self.load().dropFirst(index).first)
        let data = try TypedData(vector.typedData)
        #expect(try data.types.encodeType(data.primaryType) == vector.text("encodeType"), "\(vector.name)")
        #expect(try data.types.typeHash(data.primaryType).hex == vector.text("typeHash"), "\(vector.name)")
        #expect(data.domainSeparator.hex == vector.text("domainSeparator"), "\(vector.name)")
        #expect(data.messageHash?.hex == vector.text("hashStruct"), "\(vector.name)")
        #expect(data.signingDigest.hex == vector.text("digest"), "\(vector.name)")
    }

    @Test(arguments: [0, 1, 2])
    func signatureMatchesEthAccount(index: Int) throws {
        let vector = try #require(try Self.load().dropFirst(index).first)
        let data = try TypedData(vector.typedData)
        // Account 0 of the public test mnemonic (a dev key, never for real funds).
        let key = try Secp256k1.PrivateKey(bytes: Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80") ?? [])
        #expect(key.address.checksummed == vector.text("signer"))
        guard case .object(let expected)? = vector.fields["signature"],
              case .string(let r)? = expected["r"], case .string(let s)? = expected["s"],
              case .unsigned(let v)? = expected["v"] else {
            Issue.record("vector \(vector.name) has no signature")
            return
        }
        let signature = key.sign(digest: data.signingDigest)
        #expect(signature.r.hex == r && signature.s.hex == s && 27 + UInt64(signature.recoveryId) == v)
        #expect(try signature.recoverAddress(digest: data.signingDigest) == key.address)
    }
}
