import Testing
@testable import Node

/// The examples of the Solidity ABI specification (docs/abi-spec.rst, "Examples" and
/// "Use of Dynamic Types"), byte for byte, and Solidity's `Error(string)` example.
@Suite("ABI specification vectors")
struct ABISpecificationVectorTests {
    typealias T = ABITestInput

    @Test func bazUint32Bool() throws {
        let baz = try ABIFunction(signature: "baz(uint32,bool)", outputs: [.bool])
        #expect(baz.selector == ABISelector(0xcdcd77c0))
        let args: [ABIValue] = [.uint(UInt256(69 as UInt64)), .bool(true)]
        let expected = T.bytes("""
            0xcdcd77c0
            0000000000000000000000000000000000000000000000000000000000000045
            0000000000000000000000000000000000000000000000000000000000000001
            """)
        #expect(try baz.encodeCall(args) == expected)
        #expect(try baz.decodeCall(expected) == args)
        // "If it were to return false, its output would be the single byte array 0x00…00."
        #expect(try baz.encodeOutput([.bool(false)]) == T.word(0))
        #expect(try baz.decodeOutput(T.word(0)) == [.bool(false)])
    }

    @Test func barBytes3Pair() throws {
        let bar = try ABIFunction(signature: "bar(bytes3[2])")
        #expect(bar.selector == ABISelector(0xfce353f6))
        let args: [ABIValue] = [.array([.fixedBytes(Array("abc".utf8)), .fixedBytes(Array("def".utf8))])]
        let expected = T.bytes("""
            0xfce353f6
            6162630000000000000000000000000000000000000000000000000000000000
            6465660000000000000000000000000000000000000000000000000000000000
            """)
        #expect(try bar.encodeCall(args) == expected)
        #expect(try bar.decodeCall(expected) == args)
    }

    @Test func samBytesBoolUintArray() throws {
        // The specification writes `uint[]`; the selector is over the canonical `uint256[]`.
        let sam = try ABIFunction(signature: "sam(bytes,bool,uint[])")
        #expect(sam.signature == "sam(bytes,bool,uint256[])")
        #expect(sam.selector == ABISelector(0xa5643bf2))
        let args: [ABIValue] = [
            .bytes(Array("dave".utf8)), .bool(true),
            .array([.uint(UInt256(1 as UInt64)), .uint(UInt256(2 as UInt64)), .uint(UInt256(3 as UInt64))]),
        ]
        let expected = T.bytes("""
            0xa5643bf2
            0000000000000000000000000000000000000000000000000000000000000060
            0000000000000000000000000000000000000000000000000000000000000001
            00000000000000000000000000000000000000000000000000000000000000a0
            0000000000000000000000000000000000000000000000000000000000000004
            6461766500000000000000000000000000000000000000000000000000000000
            0000000000000000000000000000000000000000000000000000000000000003
            0000000000000000000000000000000000000000000000000000000000000001
            0000000000000000000000000000000000000000000000000000000000000002
            0000000000000000000000000000000000000000000000000000000000000003
            """)
        #expect(expected.count == 292)
        #expect(try sam.encodeCall(args) == expected)
        #expect(try sam.decodeCall(expected) == args)
    }

    @Test func fUint256Uint32ArrayBytes10Bytes() throws {
        let f = try ABIFunction(signature: "f(uint,uint32[],bytes10,bytes)")
        #expect(f.signature == "f(uint256,uint32[],bytes10,bytes)")
        #expect(f.selector == ABISelector(0x8be65246))
        let args: [ABIValue] = [
            .uint(UInt256(0x123 as UInt64)),
            .array([.uint(UInt256(0x456 as UInt64)), .uint(UInt256(0x789 as UInt64))]),
            .fixedBytes(Array("1234567890".utf8)),
            .bytes(Array("Hello, world!".utf8)),
        ]
        let expected = T.bytes("""
            0x8be65246
            0000000000000000000000000000000000000000000000000000000000000123
            0000000000000000000000000000000000000000000000000000000000000080
            3132333435363738393000000000000000000000000000000000000000000000
            00000000000000000000000000000000000000000000000000000000000000e0
            0000000000000000000000000000000000000000000000000000000000000002
            0000000000000000000000000000000000000000000000000000000000000456
            0000000000000000000000000000000000000000000000000000000000000789
            000000000000000000000000000000000000000000000000000000000000000d
            48656c6c6f2c20776f726c642100000000000000000000000000000000000000
            """)
        #expect(try f.encodeCall(args) == expected)
        #expect(try f.decodeCall(expected) == args)
    }

    @Test func gNestedArraysAndStrings() throws {
        let g = try ABIFunction(signature: "g(uint[][],string[])")
        #expect(g.signature == "g(uint256[][],string[])")
        #expect(g.selector == ABISelector(0x2289b18c))
        let n = { (v: UInt64) in ABIValue.uint(UInt256(v)) }
        let args: [ABIValue] = [
            .array([.array([n(1), n(2)]), .array([n(3)])]),
            .array([.string("one"), .string("two"), .string("three")]),
        ]
        let expected = T.bytes("""
            0x2289b18c
            0000000000000000000000000000000000000000000000000000000000000040
            0000000000000000000000000000000000000000000000000000000000000140
            0000000000000000000000000000000000000000000000000000000000000002
            0000000000000000000000000000000000000000000000000000000000000040
            00000000000000000000000000000000000000000000000000000000000000a0
            0000000000000000000000000000000000000000000000000000000000000002
            0000000000000000000000000000000000000000000000000000000000000001
            0000000000000000000000000000000000000000000000000000000000000002
            0000000000000000000000000000000000000000000000000000000000000001
            0000000000000000000000000000000000000000000000000000000000000003
            0000000000000000000000000000000000000000000000000000000000000003
            0000000000000000000000000000000000000000000000000000000000000060
            00000000000000000000000000000000000000000000000000000000000000a0
            00000000000000000000000000000000000000000000000000000000000000e0
            0000000000000000000000000000000000000000000000000000000000000003
            6f6e650000000000000000000000000000000000000000000000000000000000
            0000000000000000000000000000000000000000000000000000000000000003
            74776f0000000000000000000000000000000000000000000000000000000000
            0000000000000000000000000000000000000000000000000000000000000005
            7468726565000000000000000000000000000000000000000000000000000000
            """)
        #expect(try g.encodeCall(args) == expected)
        #expect(try g.decodeCall(expected) == args)
    }

    /// Solidity documentation, "revert": `revert("Not enough Ether provided.")`.
    @Test func errorStringRevertData() throws {
        let expected = T.bytes("""
            0x08c379a0
            0000000000000000000000000000000000000000000000000000000000000020
            000000000000000000000000000000000000000000000000000000000000001a
            4e6f7420656e6f7567682045746865722070726f76696465642e000000000000
            """)
        #expect(RevertReason.errorFunction.selector == ABISelector(0x08c379a0))
        #expect(RevertReason("Not enough Ether provided.").revertData == expected)
        #expect(try RevertReason(revertData: expected).message == "Not enough Ether provided.")
        #expect(try RevertReason.errorFunction.encodeCall([.string("Not enough Ether provided.")]) == expected)
    }
}
