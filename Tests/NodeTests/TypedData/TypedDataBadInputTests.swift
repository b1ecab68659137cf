import Testing
@testable import Node

/// Typed data that cannot be hashed exactly is refused with the place at fault named.
@Suite("EIP-712 bad inputs")
struct TypedDataBadInputTests {
    static let domain: [String: JSONValue] = ["name": .string("Test"), "chainId": .unsigned(1)]

    static func make(_ types: [String: [(String, String)]], primary: String, message: [String: JSONValue]) throws(TypedDataError) -> TypedData {
        try TypedData(
            types: types.mapValues { $0.map { TypedDataField(name: $0.0, type: $0.1) } },
            primaryType: primary, domain: domain, message: .object(message))
    }

    static func one(_ type: String, _ value: JSONValue) throws(TypedDataError) -> TypedData {
        try make(["T": [("v", type)]], primary: "T", message: ["v": value])
    }

    @Test func unknownTypeNames() throws {
        #expect(throws: TypedDataError.unknownType(path: "types.T[0].type", type: "Persn")) {
            try Self.make(["T": [("p", "Persn")], "Person": [("name", "string")]], primary: "T", message: [:])
        }
        #expect(throws: TypedDataError.unknownType(path: "types.T[0].type", type: "uint")) { try Self.one("uint", .unsigned(1)) }
        #expect(throws: TypedDataError.unknownType(path: "types.T[0].type", type: "uint7")) { try Self.one("uint7", .unsigned(1)) }
        #expect(throws: TypedDataError.unknownType(path: "types.T[0].type", type: "bytes33")) { try Self.one("bytes33", .string("0x")) }
        #expect(throws: TypedDataError.unknownType(path: "types.T[0].type", type: "uint8[0]")) { try Self.one("uint8[0]", .array([])) }
        #expect(throws: TypedDataError.unknownType(path: "types.T[0].type", type: "uint8[x]")) { try Self.one("uint8[x]", .array([])) }
        #expect(throws: TypedDataError.unknownPrimaryType("Mail")) { try Self.make(["T": [("v", "bool")]], primary: "Mail", message: [:]) }
    }

    @Test func invalidNames() throws {
        #expect(throws: TypedDataError.invalidName(path: "types", name: "uint256")) {
            try Self.make(["uint256": [("v", "bool")]], primary: "uint256", message: [:])
        }
        #expect(throws: TypedDataError.invalidName(path: "types.T[0].name", name: "a b")) { try Self.make(["T": [("a b", "bool")]], primary: "T", message: [:]) }
        #expect(throws: TypedDataError.invalidName(path: "types", name: "T(bool x)")) {
            try Self.make(["T(bool x)": [("v", "bool")]], primary: "T(bool x)", message: [:])
        }
        #expect(throws: TypedDataError.duplicateField(type: "T", field: "v")) {
            try Self.make(["T": [("v", "bool"), ("v", "uint8")]], primary: "T", message: [:])
        }
    }

    @Test func missingAndUndeclaredFields() throws {
        let person = ["Person": [("name", "string"), ("wallet", "address")], "Mail": [("from", "Person"), ("body", "string")]]
        #expect(throws: TypedDataError.missingField(path: "message.from.wallet")) {
            try Self.make(person, primary: "Mail", message: ["from": .object(["name": .string("Cow")]), "body": .string("")])
        }
        #expect(throws: TypedDataError.missingField(path: "message.body")) {
            try Self.make(person, primary: "Mail", message: ["from": .object(["name": .string("Cow"), "wallet": .string("0x" + String(repeating: "0", count: 40))]), "body": .null])
        }
        #expect(throws: TypedDataError.undeclaredField(path: "message.extra")) {
            try Self.make(person, primary: "Mail", message: ["extra": .bool(true)])
        }
        #expect(throws: TypedDataError.unknownDomainField("chainID")) {
            try TypedData(types: ["T": [.init(name: "v", type: "bool")]], primaryType: "T",
                          domain: ["chainID": .unsigned(1)], message: .object(["v": .bool(true)]))
        }
        // With EIP712Domain declared, the domain's values follow it like any struct.
        #expect(throws: TypedDataError.missingField(path: "domain.version")) {
            try TypedData(types: ["EIP712Domain": [.init(name: "name", type: "string"), .init(name: "version", type: "string")],
                                  "T": [.init(name: "v", type: "bool")]],
                          primaryType: "T", domain: ["name": .string("x")], message: .object(["v": .bool(true)]))
        }
    }

    @Test func wrongValueTypes() throws {
        #expect(throws: TypedDataError.wrongValueType(path: "message.v", expected: "true or false", found: "a number")) {
            try Self.one("bool", .unsigned(1))
        }
        #expect(throws: TypedDataError.wrongValueType(path: "message.v", expected: "a string", found: "an array")) {
            try Self.one("string", .array([]))
        }
        #expect(throws: TypedDataError.wrongValueType(path: "message.v", expected: "an array", found: "an object")) {
            try Self.one("string[]", .object([:]))
        }
        #expect(throws: TypedDataError.wrongValueType(path: "message.v", expected: "0x-prefixed hex (bytes)", found: "a non-hex string")) {
            try Self.one("bytes", .string("hello"))
        }
        #expect(throws: TypedDataError.wrongValueType(path: "message.v", expected: "an object (struct S)", found: "a string")) {
            try Self.make(["T": [("v", "S")], "S": [("x", "bool")]], primary: "T", message: ["v": .string("S")])
        }
        #expect(throws: TypedDataError.wrongValueType(
            path: "message.v", expected: "an integer (uint256) as a number, a decimal or a 0x hex string", found: "\"12a\"")) {
            try Self.one("uint256", .string("12a"))
        }
        #expect(throws: TypedDataError.wrongValueType(
            path: "message.v", expected: "an integer (uint256); write values beyond 64 bits as decimal or 0x hex strings",
            found: "a number that is not a whole 64-bit value")) {
            try TypedData(json: #"{"types":{"T":[{"name":"v","type":"uint256"}]},"primaryType":"T","domain":{},"message":{"v":1e30}}"#)
        }
        #expect(throws: TypedDataError.wrongLength(path: "message.v", type: "bytes32", expected: 32, found: 31)) {
            try Self.one("bytes32", .string("0x" + String(repeating: "ab", count: 31)))
        }
        #expect(throws: TypedDataError.wrongLength(path: "message.v[0]", type: "array", expected: 2, found: 3)) {
            try Self.one("uint8[2][]", .array([.array([.unsigned(1), .unsigned(2), .unsigned(3)])]))
        }
    }

    @Test func valuesOutOfRange() throws {
        #expect(throws: TypedDataError.valueOutOfRange(path: "message.v", type: "uint8", value: "256")) { try Self.one("uint8", .unsigned(256)) }
        #expect(throws: TypedDataError.valueOutOfRange(path: "message.v", type: "uint8", value: "-1")) { try Self.one("uint8", .signed(-1)) }
        #expect(throws: TypedDataError.valueOutOfRange(path: "message.v", type: "int8", value: "-129")) { try Self.one("int8", .string("-129")) }
        #expect(throws: TypedDataError.valueOutOfRange(path: "message.v", type: "int8", value: "128")) { try Self.one("int8", .string("0x80")) }
        #expect(throws: TypedDataError.valueOutOfRange(path: "message.v[1]", type: "uint64", value: "18446744073709551616")) {
            try Self.one("uint64[]", .array([.unsigned(0), .string("18446744073709551616")]))
        }
        #expect(throws: TypedDataError.wrongValueType(
            path: "message.v", expected: "an integer (uint256) as a number, a decimal or a 0x hex string",
            found: "\"115792089237316195423570985008687907853269984665640564039457584007913129639936\"")) {
            try Self.one("uint256", .string("115792089237316195423570985008687907853269984665640564039457584007913129639936"))
        }
        #expect(throws: Never.self) { try Self.one("int8", .string("-128")) }
        #expect(throws: Never.self) { try Self.one("int256", .string("-57896044618658097711785492504343953926634992332820282019728792003956564819968")) }
    }

    @Test func addressesMustPassEIP55() throws {
        // One letter of a checksummed address in the wrong case.
        #expect(throws: TypedDataError.invalidAddress(
            path: "message.v",
            reason: "mixed-case address has a wrong EIP-55 checksum (expected 0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826)")) {
            try Self.one("address", .string("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8Dd826"))
        }
        #expect(throws: TypedDataError.invalidAddress(path: "message.v", reason: "an address has 40 hex digits, this has 38")) {
            try Self.one("address", .string("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD8"))
        }
        #expect(throws: Never.self) { try Self.one("address", .string("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826")) }
    }

    @Test func recursionWithoutBase() throws {
        #expect(throws: TypedDataError.recursiveWithoutBase(type: "Node")) {
            try Self.make(["Node": [("next", "Node")]], primary: "Node", message: [:])
        }
        #expect(throws: TypedDataError.recursiveWithoutBase(type: "A")) {
            try Self.make(["A": [("b", "B")], "B": [("a", "A[1]")]], primary: "A", message: [:])
        }
        // Through a dynamic array the recursion ends at the empty array.
        let tree = try Self.make(["Node": [("children", "Node[]")]], primary: "Node",
                                 message: ["children": .array([.object(["children": .array([])])])])
        #expect(try tree.types.encodeType("Node") == "Node(Node[] children)")
    }

    @Test func nestingIsBounded() throws {
        var value: JSONValue = .object(["children": .array([])])
        for _ in 0..<40 { value = .object(["children": .array([value])]) }
        do {
            _ = try Self.make(["Node": [("children", "Node[]")]], primary: "Node", message: ["children": .array([value])])
            Issue.record("a value nested 80 levels deep was accepted")
        } catch {
            guard case .nestedTooDeeply(let path) = error else {
                Issue.record("expected nestedTooDeeply, got \(error)")
                return
            }
            #expect(path.hasPrefix("message.children[0].children[0]"))
        }
    }

    @Test func malformedDocuments() throws {
        #expect(throws: TypedDataError.self) { try TypedData(json: "{not json") }
        #expect(throws: TypedDataError.malformed(path: "(top level)", problem: "must be an object, not an array")) { try TypedData(json: "[]") }
        #expect(throws: TypedDataError.malformed(path: "types", problem: "must be an object of struct declarations")) {
            try TypedData(json: #"{"primaryType":"T","domain":{},"message":{}}"#)
        }
        #expect(throws: TypedDataError.malformed(path: "types.T[0]", problem: "must be an object with string members name and type")) {
            try TypedData(json: #"{"types":{"T":[{"name":"v"}]},"primaryType":"T","domain":{},"message":{}}"#)
        }
        #expect(throws: TypedDataError.malformed(path: "domain", problem: "must be an object")) {
            try TypedData(json: #"{"types":{"T":[]},"primaryType":"T","domain":1,"message":{}}"#)
        }
        #expect(throws: TypedDataError.wrongValueType(path: "message", expected: "an object (struct T)", found: "null")) {
            try TypedData(json: #"{"types":{"T":[{"name":"v","type":"bool"}]},"primaryType":"T","domain":{}}"#)
        }
    }

    @Test func hostileShapesAreRefusedWithoutExhaustingTheStack() throws {
        let manyDimensions = "uint8" + String(repeating: "[]", count: 100_000)
        #expect(throws: TypedDataError.unknownType(path: "types.T[0].type", type: manyDimensions)) {
            try Self.one(manyDimensions, .array([]))
        }
        #expect(throws: TypedDataError.self) { try TypedData(json: String(repeating: "[", count: 100_000)) }
    }
}
