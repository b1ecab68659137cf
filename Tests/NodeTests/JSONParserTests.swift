import Foundation
import Testing
@testable import Node

@Suite("JSON parser and writer")
struct JSONParserTests {
    static func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func parsesEveryKindOfValue() throws {
        // RFC 8259 §13's first example, shortened.
        let image = try Self.parse(#"{"Image":{"Width":800,"Height":600,"Title":"View from 15th Floor","Animated":false,"IDs":[116,943,234,38793]}}"#)
        #expect(image["Image"]?["Width"] == .unsigned(800))
        #expect(image["Image"]?["Animated"] == .bool(false))
        #expect(image["Image"]?["IDs"] == .array([.unsigned(116), .unsigned(943), .unsigned(234), .unsigned(38_793)]))
        #expect(try Self.parse(" null ") == .null)
        #expect(try Self.parse("-0") == .unsigned(0))
        #expect(try Self.parse("-9223372036854775808") == .signed(.min))
        #expect(try Self.parse("18446744073709551615") == .unsigned(.max))
        #expect(try Self.parse("18446744073709551616") == .fraction(18_446_744_073_709_551_616))
        #expect(try Self.parse("1.5e3") == .fraction(1_500))
        #expect(try Self.parse("1e999") == .fraction(.infinity))
        #expect(try Self.parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\né😀"))
        #expect(try Self.parse("[]") == .array([]) && (try Self.parse("{}")) == .object([:]))
    }

    @Test func refusesWhatRFC8259Forbids() {
        let cases: [(String, String)] = [
            ("", "unexpected end of input"), ("[1,]", "unexpected character ']'"), ("[1 2]", "expected ',' or ']'"),
            (#"{"a" 1}"#, "expected ':'"), ("{'a':1}", "expected a member name"), ("01", "leading zeros"), ("1.", "a fraction needs digits"),
            ("1e", "an exponent needs digits"), ("-", "a number needs digits"), ("tru", "invalid literal"), ("nul", "invalid literal"),
            ("\"a\u{01}b\"", "a control character"), (#""\x""#, "an invalid escape"), (#""\ud800""#, "an unpaired UTF-16 surrogate"),
            (#""\u12""#, "four hex digits"), ("\"abc", "unterminated string"), ("1 2", "unexpected data after the JSON value"),
            ("NaN", "unexpected character 'N'"),
        ]
        for (text, problem) in cases {
            #expect(throws: JSONParser.Failure.self, "\(text)") { try Self.parse(text) }
            do { _ = try Self.parse(text) } catch { #expect(error.problem.contains(problem), "\(text): \(error)") }
        }
        // Invalid UTF-8 inside a string.
        #expect(throws: JSONParser.Failure(problem: "a string is not valid UTF-8", offset: 1)) { try JSONParser.parse([0x22, 0xff, 0x22]) }
    }

    @Test func boundsNesting() throws {
        let deep = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try Self.parse(deep) }
        let tooDeep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do { _ = try Self.parse(tooDeep); Issue.record("nesting was not bounded") } catch {
            #expect(error.problem == "nesting deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    @Test func agreesWithJSONSerializationOnRealRequests() throws {
        let text = #"[{"jsonrpc":"2.0","id":1,"method":"eth_call","params":[{"to":"0x4141504c00000000000000000000000000000000","data":"0x70a08231"},"latest"]},{"jsonrpc":"2.0","id":"x","method":"eth_blockNumber","params":[]}]"#
        let ours = try Self.parse(text)
        let theirs = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(ours == theirs)
    }

    @Test func writerEscapesAndRoundTrips() throws {
        let value: JSONValue = .object([
            "b": .array([.unsigned(1), .signed(-2), .bool(true), .null, .fraction(0.5)]),
            "a": .string("quote \" backslash \\ newline \n tab \t bell \u{07} é"),
        ])
        var writer = JSONWriter()
        writer.write(value)
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == #"{"a":"quote \" backslash \\ newline \n tab \t bell \u0007 é","b":[1,-2,true,null,0.5]}"#)
        #expect(try JSONParser.parse(writer.bytes) == value)
    }

    @Test func quantitiesAreCanonicalHex() throws {
        #expect(JSONValue.quantity(0 as UInt64) == .string("0x0"))
        #expect(JSONValue.quantity(0x1a as UInt64) == .string("0x1a"))
        #expect(JSONValue.quantity(UInt64.max) == .string("0xffffffffffffffff"))
        #expect(JSONValue.quantity(UInt256.zero) == .string("0x0"))
        #expect(JSONValue.quantity(UInt256(UInt64(0x400))) == .string("0x400"))
        #expect(JSONValue.quantity(UInt256.max) == .string("0x" + String(repeating: "f", count: 64)))
        #expect(try RPCValue.uint64(.string("0x0")) == 0)
        #expect(try RPCValue.uint64(.string("0xFFFFFFFFFFFFFFFF")) == .max)
        #expect(try RPCValue.uint256(.string("0x400")) == UInt256(UInt64(0x400)))
        #expect(try RPCValue.data(.string("0x")) == [])
        #expect(throws: RPCValueError("hex number > 256 bits")) { try RPCValue.uint256(.string("0x1" + String(repeating: "0", count: 64))) }
        #expect(throws: RPCValueError("hex number with leading zero digits")) { try RPCValue.uint64(.string("0x00")) }
        #expect(throws: RPCValueError("hex string without 0x prefix")) { try RPCValue.uint64(.string("12")) }
        #expect(throws: RPCValueError("empty hex string")) { try RPCValue.data(.string("")) }
        #expect(throws: RPCValueError("invalid hex string")) { try RPCValue.data(.string("0xgg")) }
        #expect(throws: RPCValueError("invalid hex string")) { try RPCValue.data(.string("0x" + String(repeating: "ab", count: 300) + "0g")) }
        #expect(throws: RPCValueError("invalid hex string")) { try RPCValue.data(.string("0xé")) }
        #expect(try RPCValue.data(.string("0xDEADbeef00")) == [0xde, 0xad, 0xbe, 0xef, 0x00])
        // A substring's digits are read in place too.
        let long = String(repeating: "0123456789abcdefABCDEF", count: 10)
        #expect(try RPCValue.data(.string("0x" + long)) == Hex.decode(long))
    }
}
