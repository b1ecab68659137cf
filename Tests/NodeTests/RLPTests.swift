import Testing
@testable import Node

/// Vectors from ethereum/tests RLPTests (rlptest.json and invalidRLPTest.json).
@Suite("RLP")
struct RLPTests {
    static func s(_ text: String) -> RLPItem { .bytes(Array(text.utf8)) }
    static func h(_ hex: String) -> [UInt8] { Hex.decode(hex)! }

    static let lorem55 = "Lorem ipsum dolor sit amet, consectetur adipisicing eli"
    static let asdf: RLPItem = .list([s("asdf"), s("qwer"), s("zxcv")])

    static let valid: [(String, RLPItem, String)] = [
        ("emptystring", s(""), "0x80"),
        ("bytestring00", .bytes([0]), "0x00"),
        ("bytestring01", .bytes([1]), "0x01"),
        ("bytestring7F", .bytes([0x7f]), "0x7f"),
        ("shortstring", s("dog"), "0x83646f67"),
        ("shortstring2", s(lorem55),
         "0xb74c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c69"),
        ("longstring", s(lorem55 + "t"),
         "0xb8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974"),
        ("zero", .uint(0 as UInt64), "0x80"),
        ("smallint", .uint(1 as UInt64), "0x01"),
        ("smallint2", .uint(16 as UInt64), "0x10"),
        ("smallint3", .uint(79 as UInt64), "0x4f"),
        ("smallint4", .uint(127 as UInt64), "0x7f"),
        ("mediumint1", .uint(128 as UInt64), "0x8180"),
        ("mediumint2", .uint(1000 as UInt64), "0x8203e8"),
        ("mediumint3", .uint(100000 as UInt64), "0x830186a0"),
        ("mediumint4", .uint(UInt256(decimal: "83729609699884896815286331701780722")!), "0x8f102030405060708090a0b0c0d0e0f2"),
        ("mediumint5", .uint(UInt256(decimal: "105315505618206987246253880190783558935785933862974822347068935681")!),
         "0x9c0100020003000400050006000700080009000a000b000c000d000e01"),
        ("emptylist", .list([]), "0xc0"),
        ("stringlist", .list([s("dog"), s("god"), s("cat")]), "0xcc83646f6783676f6483636174"),
        ("multilist", .list([s("zw"), .list([.uint(4 as UInt64)]), .uint(1 as UInt64)]), "0xc6827a77c10401"),
        ("shortListMax1", .list([s("asdf"), s("qwer"), s("zxcv"), s("asdf"), s("qwer"), s("zxcv"), s("asdf"),
                                 s("qwer"), s("zxcv"), s("asdf"), s("qwer")]),
         "0xf784617364668471776572847a78637684617364668471776572847a78637684617364668471776572847a78637684617364668471776572"),
        ("longList1", .list([asdf, asdf, asdf, asdf]),
         "0xf840cf84617364668471776572847a786376cf84617364668471776572847a786376cf84617364668471776572847a786376cf84617364668471776572847a786376"),
        ("longList2", .list(Array(repeating: asdf, count: 32)),
         "0xf90200" + String(repeating: "cf84617364668471776572847a786376", count: 32)),
        ("listsoflists", .list([.list([.list([]), .list([])]), .list([])]), "0xc4c2c0c0c0"),
        ("listsoflists2", .list([.list([]), .list([.list([])]), .list([.list([]), .list([.list([])])])]), "0xc7c0c1c0c3c0c1c0"),
        ("dictTest1", .list([.list([s("key1"), s("val1")]), .list([s("key2"), s("val2")]),
                             .list([s("key3"), s("val3")]), .list([s("key4"), s("val4")])]),
         "0xecca846b6579318476616c31ca846b6579328476616c32ca846b6579338476616c33ca846b6579348476616c34"),
        ("bigint", .bytes([1] + [UInt8](repeating: 0, count: 32)),
         "0xa1010000000000000000000000000000000000000000000000000000000000000000"),
    ]

    @Test(arguments: valid.map { ($0.0, $0.2) })
    func validVectorEncodesAndDecodes(name: String, hex: String) throws {
        let item = Self.valid.first { $0.0 == name }!.1
        #expect(Hex.encode(RLP.encode(item)) == hex.lowercased(), "encode \(name)")
        #expect(try RLP.decode(Self.h(hex)) == item, "decode \(name)")
    }

    @Test func longStringOverOneKilobyte() throws {
        let text = [UInt8](repeating: 0x61, count: 1024)
        let encoded = RLP.encode(.bytes(text))
        #expect(encoded.prefix(3) == [0xb9, 0x04, 0x00])
        #expect(try RLP.decode(encoded) == .bytes(text))
    }

    static let invalid: [(String, String, RLPError)] = [
        ("int32Overflow", "0xbf0f000000000000021111", .lengthOverflow(offset: 0)),
        ("int32Overflow2", "0xff0f000000000000021111", .lengthOverflow(offset: 0)),
        ("wrongSizeList", "0xf80180", .nonCanonicalSize(offset: 0)),
        ("wrongSizeList2", "0xf80100", .nonCanonicalSize(offset: 0)),
        ("incorrectLengthInArray", "0xb9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df0",
         .leadingZeroInLength(offset: 0)),
        ("randomRLP", "0xf861f83eb9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df027b90015002d5ef8325ae4d034df55d4b58d0dfba64d61ddd17be00000b9001a00dae30907045a2f66fa36f2bb8aa9029cbb0b8a7b3b5c435ab331",
         .leadingZeroInLength(offset: 4)),
        ("bytesShouldBeSingleByte00", "0x8100", .singleByteWrapped(offset: 0)),
        ("bytesShouldBeSingleByte01", "0x8101", .singleByteWrapped(offset: 0)),
        ("bytesShouldBeSingleByte7F", "0x817F", .singleByteWrapped(offset: 0)),
        ("leadingZerosInLongLengthArray1", "b90040000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
         .leadingZeroInLength(offset: 0)),
        ("leadingZerosInLongLengthArray2", "b800", .leadingZeroInLength(offset: 0)),
        ("leadingZerosInLongLengthList1", "fb00000040000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
         .leadingZeroInLength(offset: 0)),
        ("leadingZerosInLongLengthList2", "f800", .leadingZeroInLength(offset: 0)),
        ("nonOptimalLongLengthArray1", "b81000112233445566778899aabbccddeeff", .nonCanonicalSize(offset: 0)),
        ("nonOptimalLongLengthArray2", "b801ff", .nonCanonicalSize(offset: 0)),
        ("nonOptimalLongLengthList1", "f810000102030405060708090a0b0c0d0e0f", .nonCanonicalSize(offset: 0)),
        ("nonOptimalLongLengthList2", "f803112233", .nonCanonicalSize(offset: 0)),
        // Ours: truncation and trailing bytes at the top level.
        ("truncatedString", "0x83646f", .truncated(offset: 1, needed: 1)),
        ("truncatedList", "0xc583646f67", .truncated(offset: 1, needed: 1)),
        ("trailingBytes", "0x83646f6700", .trailingBytes(count: 1)),
        ("empty", "0x", .truncated(offset: 0, needed: 1)),
    ]

    @Test(arguments: invalid.map { $0.0 })
    func invalidVectorIsRefusedWithReason(name: String) {
        let (_, hex, expected) = Self.invalid.first { $0.0 == name }!
        #expect(throws: expected) { try RLP.decode(Self.h(hex)) }
    }

    @Test func readerRefusesNonCanonicalIntegers() throws {
        var r = RLPReader([0x82, 0x00, 0x01])
        #expect(throws: RLPError.nonCanonicalInteger) { try r.readUInt64() }
        var zeroByte = RLPReader([0x00])
        #expect(throws: RLPError.nonCanonicalInteger) { try zeroByte.readUInt64() }
        var nineBytes = RLPReader([0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(throws: RLPError.integerTooLarge(maxBytes: 8)) { try nineBytes.readUInt64() }
        var ok = RLPReader([0x82, 0x01, 0x00])
        #expect(try ok.readUInt64() == 256)
        var list = RLPReader([0xc0])
        #expect(throws: RLPError.expectedString) { try list.readBytes() }
        var str = RLPReader([0x80])
        #expect(throws: RLPError.expectedList) { try str.readList() }
    }

    @Test func errorsExplainThemselves() {
        #expect(RLPError.singleByteWrapped(offset: 0).description.contains("non-canonical size"))
        #expect(RLPError.trailingBytes(count: 2).description == "rlp: input contains 2 bytes after the value")
    }
}
