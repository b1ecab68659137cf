import Testing
@testable import Node

/// Values that do not fit their types are refused with the path of the value at fault.
@Suite("ABI encoding errors")
struct ABIEncodingErrorTests {
    @Test func integersOutOfRange() throws {
        #expect(throws: ABIEncodingError.valueOutOfRange(path: "arguments.0", type: "uint8", value: "300")) {
            try ABIEncoder.encode([.uint(UInt256(300 as UInt64))], as: [.uint(8)])
        }
        #expect(throws: ABIEncodingError.valueOutOfRange(path: "arguments.1", type: "int8", value: "-129")) {
            try ABIEncoder.encode([.signed(0), .signed(-129)], as: [.int(8), .int(8)])
        }
        #expect(throws: ABIEncodingError.valueOutOfRange(path: "arguments.0", type: "int8", value: "128")) {
            try ABIEncoder.encode([.signed(128)], as: [.int(8)])
        }
        #expect(throws: Never.self) { try ABIEncoder.encode([.signed(-128), .signed(127)], as: [.int(8), .int(8)]) }
    }

    @Test func signedEncodingIsSignExtended() throws {
        #expect(try ABIEncoder.encode([.signed(-1)], as: [.int(8)]) == [UInt8](repeating: 0xff, count: 32))
        #expect(try ABIEncoder.encode([.signed(Int128.min)], as: [.int(128)])
                == [UInt8](repeating: 0xff, count: 16) + [0x80] + [UInt8](repeating: 0, count: 15))
        #expect(ABIValue.signed(Int128.min).int128 == Int128.min)
    }

    @Test func shapesThatDoNotMatch() throws {
        #expect(throws: ABIEncodingError.wrongByteCount(path: "arguments.0", type: "bytes3", found: 4)) {
            try ABIEncoder.encode([.fixedBytes([1, 2, 3, 4])], as: [.fixedBytes(3)])
        }
        #expect(throws: ABIEncodingError.wrongElementCount(path: "arguments.0", type: "bool[2]", expected: 2, found: 3)) {
            try ABIEncoder.encode([.array([.bool(true), .bool(true), .bool(false)])], as: [.fixedArray(.bool, 2)])
        }
        #expect(throws: ABIEncodingError.wrongElementCount(path: "arguments", type: "(address,uint256)", expected: 2, found: 1)) {
            try ERC20.transfer.encodeCall([.address(.zero)])
        }
        #expect(throws: ABIEncodingError.typeMismatch(path: "arguments.0[1].1", expected: "a value of type string", found: "a bool")) {
            try ABIEncoder.encode(
                [.array([.tuple([.uint(.zero), .string("a")]), .tuple([.uint(.zero), .bool(true)])])],
                as: [.array(.tuple([.uint256, .string]))])
        }
        #expect(throws: ABIEncodingError.invalidType(.unknownType("bytes40"))) {
            try ABIEncoder.encode([.fixedBytes([])], as: [.fixedBytes(40)])
        }
    }
}
