import Testing
@testable import Node

/// Events beyond ERC-20: hashed indexed parameters, anonymous events, topic limits.
@Suite("ABI events")
struct ABIEventTests {
    typealias T = ABITestInput

    @Test func indexedDynamicValuesAreHashedInPlace() throws {
        let event = ABIEvent(name: "Noted", parameters: [
            .init(.string, indexed: true),
            .init(.array(.uint(16)), indexed: true),
            .init(.tuple([.string, .bool]), indexed: true),
            .init(.bytes),
        ])
        let values: [ABIValue] = [
            .string("hello"),
            .array([.uint(UInt256(1 as UInt64)), .uint(UInt256(2 as UInt64))]),
            .tuple([.string("ab"), .bool(true)]),
            .bytes([1, 2, 3]),
        ]
        let log = try event.encodeLog(values)
        #expect(event.signature == "Noted(string,uint16[],(string,bool),bytes)")
        #expect(log.topics[0] == Keccak256.hash(Array(event.signature.utf8)))
        // A string alone: its raw bytes, no length, no padding.
        #expect(log.topics[1] == Keccak256.hash(Array("hello".utf8)))
        // An array: its elements' words, no length prefix.
        #expect(log.topics[2] == Keccak256.hash(T.words(1, 2)))
        // A struct: its members, a string inside it padded to 32 bytes.
        let abPadded = Array("ab".utf8) + [UInt8](repeating: 0, count: 30)
        #expect(log.topics[3] == Keccak256.hash(abPadded + T.word(1)))
        let decoded = try event.decodeLog(topics: log.topics, data: log.data)
        #expect(decoded == [.fixedBytes(log.topics[1].bytes), .fixedBytes(log.topics[2].bytes),
                            .fixedBytes(log.topics[3].bytes), .bytes([1, 2, 3])])
    }

    @Test func signedIndexedValueIsSignExtended() throws {
        let event = ABIEvent(name: "Moved", parameters: [.init(.int(16), indexed: true)])
        let log = try event.encodeLog([.signed(-2)])
        #expect(log.topics[1].hex == "0x" + String(repeating: "f", count: 63) + "e")
        #expect(try event.decodeLog(topics: log.topics, data: log.data) == [.signed(-2)])
    }

    @Test func anonymousEventHasNoSignatureTopic() throws {
        let event = ABIEvent(name: "Raw", parameters: [
            .init(.uint256, indexed: true), .init(.uint256, indexed: true),
            .init(.uint256, indexed: true), .init(.uint256, indexed: true),
        ], anonymous: true)
        let values = (1...4).map { ABIValue.uint(UInt256(UInt64($0))) }
        let log = try event.encodeLog(values)
        #expect(log.topics.count == 4 && log.data.isEmpty)
        #expect(try event.decodeLog(topics: log.topics, data: log.data) == values)
    }

    @Test func tooManyIndexedParametersIsAnError() throws {
        let event = ABIEvent(name: "Crowded", parameters: Array(repeating: .init(.bool, indexed: true), count: 4))
        #expect(throws: ABIEncodingError.tooManyIndexedParameters(event: "Crowded(bool,bool,bool,bool)", count: 4, limit: 3)) {
            try event.encodeLog(Array(repeating: .bool(true), count: 4))
        }
    }

    @Test func wrongIndexedValueNamesTheArgument() throws {
        let event = ABIEvent(name: "E", parameters: [.init(.uint256), .init(.address, indexed: true)])
        #expect(throws: ABIEncodingError.typeMismatch(path: "arguments.1", expected: "a value of type address", found: "a bool")) {
            try event.encodeLog([.uint(.zero), .bool(true)])
        }
        #expect(throws: ABIEncodingError.valueOutOfRange(path: "arguments.2", type: "uint8", value: "256")) {
            try ABIEvent(name: "F", parameters: [.init(.uint(8)), .init(.address, indexed: true), .init(.uint(8))])
                .encodeLog([.uint(.zero), .address(.zero), .uint(UInt256(256 as UInt64))])
        }
    }
}
