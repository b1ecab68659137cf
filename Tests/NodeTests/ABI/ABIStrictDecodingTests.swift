import Testing
@testable import Node

/// Every way untrusted bytes can fail to be a strict ABI encoding gets its own error.
@Suite("ABI strict decoding")
struct ABIStrictDecodingTests {
    typealias T = ABITestInput

    static let one = ABIValue.uint(UInt256(1 as UInt64))

    @Test func shortInput() throws {
        #expect(throws: ABIDecodingError.truncated(position: 0, needed: 64, available: 63)) {
            try ABIDecoder.decode(Array(T.words(1, 2).dropLast()), as: [.uint256, .uint256])
        }
        #expect(throws: ABIDecodingError.truncated(position: 4, needed: 64, available: 32)) {
            try ERC20.transfer.decodeCall(ERC20.transfer.selector.bytes + T.word(1))
        }
        #expect(throws: ABIDecodingError.missingSelector(length: 3)) {
            try ERC20.transfer.decodeCall([0xa9, 0x05, 0x9c])
        }
        #expect(throws: ABIDecodingError.selectorMismatch(expected: ERC20.transfer.selector, found: ERC20.approve.selector)) {
            try ERC20.transfer.decodeCall(ERC20.approve.selector.bytes + T.words(1, 2))
        }
        // A string whose content is present but whose padding is cut short.
        #expect(throws: ABIDecodingError.truncated(position: 64, needed: 32, available: 5)) {
            try ABIDecoder.decode(T.words(32, 5) + Array("hello".utf8), as: [.string])
        }
    }

    @Test func offsetOutsideTheData() throws {
        #expect(throws: ABIDecodingError.offsetOutOfBounds(position: 0, offset: "64")) {
            try ABIDecoder.decode(T.words(64, 0), as: [.bytes])
        }
        var huge = [UInt8](repeating: 0xff, count: 32)
        huge += T.word(0)
        #expect(throws: ABIDecodingError.offsetOutOfBounds(position: 0, offset: UInt256.max.description)) {
            try ABIDecoder.decode(huge, as: [.bytes])
        }
    }

    @Test func offsetNotAligned() throws {
        #expect(throws: ABIDecodingError.misalignedOffset(position: 0, offset: 33)) {
            try ABIDecoder.decode(T.words(33, 0, 0), as: [.bytes])
        }
    }

    @Test func offsetsThatOverlapOrLeaveGaps() throws {
        // Both strings point at the same data: accepted by lax decoders, refused here.
        let aliased = T.words(64, 64, 1) + [0x61] + [UInt8](repeating: 0, count: 31)
        #expect(throws: ABIDecodingError.nonCanonicalOffset(position: 32, expected: 128, found: 64)) {
            try ABIDecoder.decode(aliased, as: [.string, .string])
        }
        let gap = T.words(64, 0, 0)
        #expect(throws: ABIDecodingError.nonCanonicalOffset(position: 0, expected: 32, found: 64)) {
            try ABIDecoder.decode(gap, as: [.bytes])
        }
    }

    @Test func lengthsBeyondTheData() throws {
        #expect(throws: ABIDecodingError.lengthTooLarge(position: 32, length: "33", available: 32)) {
            try ABIDecoder.decode(T.words(32, 33, 0), as: [.bytes])
        }
        // An array length is bounded by the words that follow, before anything is allocated.
        #expect(throws: ABIDecodingError.lengthTooLarge(position: 32, length: "2", available: 32)) {
            try ABIDecoder.decode(T.words(32, 2, 7), as: [.array(.uint256)])
        }
        let max = [UInt8](repeating: 0xff, count: 32)
        #expect(throws: ABIDecodingError.lengthTooLarge(position: 32, length: UInt256.max.description, available: 0)) {
            try ABIDecoder.decode(T.word(32) + max, as: [.array(.array(.uint256))])
        }
        // 2^58 elements of 64 bytes would overflow a naive length × size product.
        let wrap = T.word(32) + UInt256(UInt64(1) << 58).bigEndianBytes
        #expect(throws: ABIDecodingError.lengthTooLarge(position: 32, length: String(UInt64(1) << 58), available: 0)) {
            try ABIDecoder.decode(wrap, as: [.array(.tuple([.uint256, .uint256]))])
        }
    }

    @Test func nonZeroPaddingInByteStrings() throws {
        var bytes = T.words(32, 3) + [0x61, 0x62, 0x63] + [UInt8](repeating: 0, count: 29)
        bytes[95] = 1
        #expect(throws: ABIDecodingError.nonZeroPadding(position: 67, type: "bytes")) {
            try ABIDecoder.decode(bytes, as: [.bytes])
        }
        #expect(throws: ABIDecodingError.nonZeroPadding(position: 67, type: "string")) {
            try ABIDecoder.decode(bytes, as: [.string])
        }
    }

    @Test func nonZeroPaddingInWords() throws {
        var address = T.word(1)
        address[11] = 1
        #expect(throws: ABIDecodingError.nonZeroPadding(position: 0, type: "address")) {
            try ABIDecoder.decode(address, as: [.address])
        }
        var bool = T.word(1)
        bool[0] = 0x80
        #expect(throws: ABIDecodingError.nonZeroPadding(position: 0, type: "bool")) {
            try ABIDecoder.decode(bool, as: [.bool])
        }
        #expect(throws: ABIDecodingError.nonZeroPadding(position: 0, type: "uint32")) {
            try ABIDecoder.decode(T.word(UInt64(UInt32.max) + 1), as: [.uint(32)])
        }
        #expect(try ABIDecoder.decode(T.word(UInt64(UInt32.max)), as: [.uint(32)]) == [.uint(UInt256(UInt64(UInt32.max)))])
        var fixed = [UInt8](repeating: 0, count: 32)
        fixed[0] = 0xaa
        fixed[2] = 0x01
        #expect(throws: ABIDecodingError.nonZeroPadding(position: 0, type: "bytes2")) {
            try ABIDecoder.decode(fixed, as: [.fixedBytes(2)])
        }
        #expect(try ABIDecoder.decode(fixed, as: [.fixedBytes(3)]) == [.fixedBytes([0xaa, 0, 1])])
    }

    @Test func boolMustBeZeroOrOne() throws {
        #expect(throws: ABIDecodingError.invalidBool(position: 32)) {
            try ABIDecoder.decode(T.words(1, 2), as: [.bool, .bool])
        }
    }

    @Test func signExtension() throws {
        // -1 as int8 is 32 bytes of 0xff; 0xff with zero high bytes is not an int8.
        let minusOne = [UInt8](repeating: 0xff, count: 32)
        #expect(try ABIDecoder.decode(minusOne, as: [.int(8)]) == [.signed(-1)])
        #expect(throws: ABIDecodingError.badSignExtension(position: 0, type: "int8")) {
            try ABIDecoder.decode(T.word(0xff), as: [.int(8)])
        }
        var negativeHighPositiveLow = minusOne
        negativeHighPositiveLow[31] = 0x7f
        #expect(throws: ABIDecodingError.badSignExtension(position: 0, type: "int8")) {
            try ABIDecoder.decode(negativeHighPositiveLow, as: [.int(8)])
        }
        #expect(try ABIDecoder.decode(T.word(0x7f), as: [.int(8)]) == [.signed(127)])
        let twoTo128 = [UInt8](repeating: 0, count: 15) + [1] + [UInt8](repeating: 0, count: 16)
        #expect(try ABIDecoder.decode(twoTo128, as: [.int(256)]).first?.int128 == nil)
        #expect(try ABIDecoder.decode(negativeHighPositiveLow, as: [.int(256)]).first?.int128 == -129)
    }

    @Test func stringsMustBeUTF8() {
        let bytes = T.words(32, 2) + [0xc3, 0x28] + [UInt8](repeating: 0, count: 30)
        #expect(throws: ABIDecodingError.invalidUTF8(position: 64)) {
            try ABIDecoder.decode(bytes, as: [.string])
        }
        #expect(throws: Never.self) { try ABIDecoder.decode(bytes, as: [.bytes]) }
    }

    @Test func trailingBytes() throws {
        let calldata = try ERC20.balanceOf.encodeCall([.address(.zero)]) + [0xde, 0xad]
        #expect(throws: ABIDecodingError.trailingBytes(position: 36, count: 2)) {
            try ERC20.balanceOf.decodeCall(calldata)
        }
        #expect(try ERC20.balanceOf.decodeCall(calldata, allowingTrailingBytes: true) == [.address(.zero)])
    }

    @Test func invalidTypesAreRefusedBeforeReading() throws {
        #expect(throws: ABIDecodingError.invalidType(.unknownType("uint7"))) {
            try ABIDecoder.decode(T.word(1), as: [.uint(7)])
        }
        #expect(throws: ABIDecodingError.invalidType(.zeroSized("uint256[0]"))) {
            try ABIDecoder.decode([], as: [.array(.fixedArray(.uint256, 0))])
        }
        #expect(throws: ABIDecodingError.invalidType(.zeroSized("()"))) {
            try ABIDecoder.decode([], as: [.array(.tuple([]))])
        }
        #expect(throws: ABIDecodingError.invalidType(.tooLarge("uint256[9223372036854775807]"))) {
            try ABIDecoder.decode([], as: [.fixedArray(.uint256, Int.max)])
        }
    }

    /// Every prefix of a valid encoding is refused (never read out of bounds).
    @Test func everyTruncationIsRefused() throws {
        let g = try ABIFunction(signature: "g(uint256[][],string[],(bytes,int8)[2])")
        let args: [ABIValue] = [
            .array([.array([Self.one, Self.one]), .array([])]),
            .array([.string("one"), .string("")]),
            .array([.tuple([.bytes([1]), .signed(-3)]), .tuple([.bytes([]), .signed(3)])]),
        ]
        let calldata = try g.encodeCall(args)
        #expect(try g.decodeCall(calldata) == args)
        for length in 0..<calldata.count {
            #expect(throws: ABIDecodingError.self) { try g.decodeCall(Array(calldata.prefix(length))) }
        }
    }
}
