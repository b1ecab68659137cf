import Testing
@testable import Node

/// The example of EIP-712 itself (assets/eip-712/Example.js): every intermediate value
/// and the signature by the EIP's key, keccak256("cow").
@Suite("EIP-712 Mail example")
struct TypedDataMailExampleTests {
    static let json = """
        {
          "types": {
            "EIP712Domain": [
              {"name": "name", "type": "string"},
              {"name": "version", "type": "string"},
              {"name": "chainId", "type": "uint256"},
              {"name": "verifyingContract", "type": "address"}
            ],
            "Person": [{"name": "name", "type": "string"}, {"name": "wallet", "type": "address"}],
            "Mail": [
              {"name": "from", "type": "Person"},
              {"name": "to", "type": "Person"},
              {"name": "contents", "type": "string"}
            ]
          },
          "primaryType": "Mail",
          "domain": {
            "name": "Ether Mail",
            "version": "1",
            "chainId": 1,
            "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"
          },
          "message": {
            "from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
            "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
            "contents": "Hello, Bob!"
          }
        }
        """

    @Test func everyStepOfTheExample() throws {
        let data = try TypedData(json: Self.json)
        #expect(try data.types.encodeType("Mail") == "Mail(Person from,Person to,string contents)Person(string name,address wallet)")
        #expect(try data.types.typeHash("Mail").hex == "0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2")
        #expect(try Hex.encode(data.types.encodeData("Mail", data.message)) == "0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2fc71e5fa27ff56c350aa531bc129ebdf613b772b6604664f5d8dbe21b85eb0c8cd54f074a4af31b4411ff6a60c9719dbd559c221c8ac3492d9d872b041d703d1b5aadf3154a261abdd9086fc627b61efca26ae5702701d05cd2305f7c52a2fc8")
        #expect(data.messageHash?.hex == "0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e")
        #expect(data.domainSeparator.hex == "0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f")
        #expect(data.signingDigest.hex == "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2")
    }

    @Test func signatureByTheExampleKey() throws {
        let key = try Secp256k1.PrivateKey(bytes: Keccak256.hash(Array("cow".utf8)).bytes)
        #expect(key.address.lowercaseHex == "0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826")
        let digest = try TypedData(json: Self.json).signingDigest
        let signature = key.sign(digest: digest)
        #expect(signature.r.hex == "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d")
        #expect(signature.s.hex == "0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562")
        #expect(27 + Int(signature.recoveryId) == 28)
        #expect(try signature.recoverAddress(digest: digest) == key.address)
    }

    /// Without `EIP712Domain` in `types` the domain type is the standard fields present,
    /// in the EIP's order, whatever order the JSON object has: the same separator.
    @Test func domainTypeDerivedFromPresentFields() throws {
        let person: [TypedDataField] = [.init(name: "name", type: "string"), .init(name: "wallet", type: "address")]
        let data = try TypedData(
            types: ["Person": person], primaryType: "Person",
            domain: [
                "verifyingContract": .string("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"),
                "chainId": .unsigned(1), "version": .string("1"), "name": .string("Ether Mail"),
            ],
            message: .object(["name": .string("Cow"), "wallet": .string("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826")]))
        #expect(data.domainSeparator.hex == "0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f")
        #expect(try data.types.encodeType("EIP712Domain")
                == "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")
    }

    /// `primaryType: "EIP712Domain"` signs the domain alone: keccak256(0x19 0x01 ‖ domainSeparator).
    @Test func domainOnlyDigest() throws {
        let text = Self.json.replacingOccurrences(of: "\"primaryType\": \"Mail\"", with: "\"primaryType\": \"EIP712Domain\"")
        let data = try TypedData(json: text)
        #expect(data.messageHash == nil)
        let separator = try #require(Bytes32(hex: "0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f"))
        #expect(data.signingDigest == Keccak256.hash([0x19, 0x01] + separator.bytes))
    }
}
