import Testing
@testable import Node

@Suite("Derivation paths")
struct DerivationPathTests {
    @Test("the Ethereum path parses to BIP-44's five steps and prints back")
    func ethereum() throws {
        let path = try DerivationPath("m/44'/60'/0'/0/0")
        #expect(path.components.map(\.index) == [44, 60, 0, 0, 0])
        #expect(path.components.map(\.hardened) == [true, true, true, false, false])
        #expect(path.components.map(\.childNumber) == [0x8000_002c, 0x8000_003c, 0x8000_0000, 0, 0])
        #expect(path.description == "m/44'/60'/0'/0/0")
    }

    @Test("h and H mark hardened steps too; the master path has no steps")
    func alternateNotation() throws {
        #expect(try DerivationPath("m/44h/60H/0'/0/7") == DerivationPath("m/44'/60'/0'/0/7"))
        #expect(try DerivationPath("m").components.isEmpty)
        #expect(try DerivationPath("m/2147483647'").components.first?.childNumber == UInt32.max)
    }

    @Test("bad paths are refused with the reason", arguments: [
        ("", DerivationPath.ParseError.missingRoot("")),
        ("44'/60'/0'/0/0", .missingRoot("44'/60'/0'/0/0")),
        ("/44'/60'", .missingRoot("/44'/60'")),
        ("m/", .emptyComponent(position: 1)),
        ("m/44'//0", .emptyComponent(position: 2)),
        ("m/44'/60'/0'/0/", .emptyComponent(position: 5)),
        ("m/x", .notAnIndex("x")),
        ("m/-1", .notAnIndex("-1")),
        ("m/+1", .notAnIndex("+1")),
        ("m/1''", .notAnIndex("1''")),
        ("m/'", .notAnIndex("'")),
        ("m/ 1", .notAnIndex(" 1")),
        ("m/١", .notAnIndex("١")),
        ("m/2147483648", .indexTooLarge("2147483648")),
        ("m/2147483648'", .indexTooLarge("2147483648'")),
        ("m/99999999999999999999", .indexTooLarge("99999999999999999999")),
    ])
    func badPaths(text: String, expected: DerivationPath.ParseError) {
        #expect(throws: expected) { try DerivationPath(text) }
    }

    @Test("more than 255 steps is too deep for BIP-32")
    func tooDeep() throws {
        let deepest = "m" + String(repeating: "/0", count: 255)
        #expect(try DerivationPath(deepest).components.count == 255)
        #expect(throws: DerivationPath.ParseError.tooDeep(256)) { try DerivationPath(deepest + "/0") }
    }

    @Test("a component index of 2^31 or more is refused")
    func componentRange() {
        #expect(throws: DerivationPath.ParseError.self) { try DerivationPath.Component(index: 1 << 31, hardened: false) }
    }
}
