import Testing
@testable import Node

@Suite("ABI types")
struct ABITypeTests {
    @Test(arguments: [
        ("uint256", ABIType.uint(256)), ("uint", .uint(256)), ("int", .int(256)), ("uint8", .uint(8)),
        ("int24", .int(24)), ("address", .address), ("bool", .bool), ("bytes1", .fixedBytes(1)),
        ("bytes32", .fixedBytes(32)), ("bytes", .bytes), ("string", .string),
        ("address[]", .array(.address)), ("uint256[3]", .fixedArray(.uint(256), 3)),
        ("uint8[][2]", .fixedArray(.array(.uint(8)), 2)), ("uint8[2][]", .array(.fixedArray(.uint(8), 2))),
        ("(address,uint256)[]", .array(.tuple([.address, .uint(256)]))),
        ("((bool,string),bytes4[10])", .tuple([.tuple([.bool, .string]), .fixedArray(.fixedBytes(4), 10)])),
    ])
    func parses(text: String, expected: ABIType) throws {
        #expect(try ABIType(parsing: text) == expected)
        #expect(try ABIType(parsing: expected.canonicalName) == expected)
    }

    @Test func canonicalNames() throws {
        #expect(try ABIType(parsing: "(uint,int[])[2]").canonicalName == "(uint256,int256[])[2]")
        #expect(try ABIType.parseList("()") == [])
        #expect(try ABIType.parseList("(uint,bytes)") == [.uint(256), .bytes])
    }

    @Test func dynamism() throws {
        #expect(!ABIType.uint256.isDynamic)
        #expect(try !ABIType(parsing: "(address,uint256[2])[3]").isDynamic)
        #expect(try ABIType(parsing: "(address,string)[3]").isDynamic)
        #expect(try ABIType(parsing: "uint8[]").isDynamic)
    }

    @Test(arguments: [
        ("uint7", ABITypeError.unknownType("uint7")),
        ("uint264", .unknownType("uint264")),
        ("uint08", .unknownType("uint08")),
        ("int0", .unknownType("int0")),
        ("bytes0", .unknownType("bytes0")),
        ("bytes33", .unknownType("bytes33")),
        ("float", .unknownType("float")),
        ("Person", .unknownType("Person")),
        ("", .empty("")),
        ("(uint256,)", .empty("(uint256,)")),
        ("()", .zeroSized("()")),
        ("uint256[0]", .zeroSized("uint256[0]")),
        ("uint256[01]", .malformed("uint256[01]", reason: "array length at character 9 has a leading zero")),
        ("uint256[1", .malformed("uint256[1", reason: "expected \"]\", found the end of the text")),
        ("uint256]", .malformed("uint256]", reason: "expected end of type at character 8, found \"]\"")),
        ("(uint256", .malformed("(uint256", reason: "expected \",\" or \")\", found the end of the text")),
        ("uint256 x", .malformed("uint256 x", reason: "expected end of type at character 8, found \" \"")),
        ("uint256[9999999999]", .malformed("uint256[9999999999]", reason: "array length at character 9 is too long")),
        ("uint256[999999999]", .tooLarge("uint256[999999999]")),
    ])
    func refuses(text: String, error: ABITypeError) {
        #expect(throws: error) { try ABIType(parsing: text) }
    }

    @Test func nestingIsBounded() throws {
        let deep = "uint8" + String(repeating: "[]", count: 40)
        #expect(throws: ABITypeError.nestedTooDeeply(limit: ABIType.maximumNesting)) { try ABIType(parsing: deep) }
        let tuples = String(repeating: "(", count: 10_000) + "bool" + String(repeating: ")", count: 10_000)
        #expect(throws: ABITypeError.nestedTooDeeply(limit: ABIType.maximumNesting)) { try ABIType(parsing: tuples) }
    }

    @Test func signatures() throws {
        let f = try ABIFunction(signature: "transfer(address,uint)")
        #expect(f.signature == "transfer(address,uint256)" && f.selector == ABISelector(0xa9059cbb))
        #expect(throws: ABITypeError.malformed("(address)", reason: "a signature is a name followed by a parenthesised type list")) {
            try ABIFunction(signature: "(address)")
        }
        #expect(throws: ABITypeError.malformed("1f(bool)", reason: "\"1f\" is not a function name")) {
            try ABIFunction(signature: "1f(bool)")
        }
        #expect(throws: ABITypeError.unknownType("adress")) { try ABIFunction(signature: "f(adress)") }
    }

    @Test func selectorFromCalldata() throws {
        #expect(ABISelector(calldata: [0xa9, 0x05, 0x9c, 0xbb, 0x00]) == ABISelector(0xa9059cbb))
        #expect(ABISelector(calldata: [0xa9, 0x05]) == nil)
        #expect(ABISelector(0x06fdde03).description == "0x06fdde03")
    }
}
