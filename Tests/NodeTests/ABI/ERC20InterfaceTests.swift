import Testing
@testable import Node

/// The well-known ERC-20 selectors and event topics, and the calls and logs a wallet
/// exchanges with a share token.
@Suite("ERC-20 interface")
struct ERC20InterfaceTests {
    typealias T = ABITestInput

    @Test(arguments: [
        ("transfer(address,uint256)", UInt32(0xa9059cbb)),
        ("approve(address,uint256)", 0x095ea7b3),
        ("transferFrom(address,address,uint256)", 0x23b872dd),
        ("balanceOf(address)", 0x70a08231),
        ("totalSupply()", 0x18160ddd),
        ("decimals()", 0x313ce567),
        ("symbol()", 0x95d89b41),
        ("name()", 0x06fdde03),
        ("allowance(address,address)", 0xdd62ed3e),
    ])
    func selector(signature: String, expected: UInt32) throws {
        let function = try #require(ERC20.functions.first { $0.signature == signature })
        #expect(function.selector == ABISelector(expected))
        #expect(ABISelector(signature: signature) == ABISelector(expected))
        #expect(ERC20.function(for: ABISelector(expected)) == function)
    }

    @Test func eventTopics() throws {
        #expect(ERC20.transferEvent.signature == "Transfer(address,address,uint256)")
        #expect(ERC20.transferEvent.topic.hex == "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")
        #expect(ERC20.approvalEvent.signature == "Approval(address,address,uint256)")
        #expect(ERC20.approvalEvent.topic.hex == "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925")
    }

    @Test func unknownSelectorHasNoFunction() throws {
        #expect(ERC20.function(for: ABISelector(0xdeadbeef)) == nil)
    }

    @Test func transferCallDecodesToLedgerAmount() throws {
        let to = T.address("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
        let calldata = try ERC20.transfer.encodeCall([.address(to), .amount(1_500_000_000_000_000_000)])
        #expect(Hex.encode(calldata) == "0xa9059cbb"
            + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
            + "00000000000000000000000000000000000000000000000014d1120d7b160000")
        let args = try ERC20.transfer.decodeCall(calldata)
        #expect(try args[0].address() == to)
        #expect(try args[1].amount() == 1_500_000_000_000_000_000)
    }

    @Test func amountAboveLedgerRangeIsAClearError() throws {
        let huge = UInt256(high: 1, low: 0)  // 2^128
        let calldata = try ERC20.transfer.encodeCall([.address(.zero), .uint(huge)])
        let args = try ERC20.transfer.decodeCall(calldata)
        #expect(throws: ABIValue.AccessError.amountTooLarge(Amount.TooLarge(value: huge))) { try args[1].amount() }
        #expect(throws: ABIValue.AccessError.wrongKind(expected: "an address", found: "an unsigned integer")) {
            try args[1].address()
        }
    }

    @Test func returnValues() throws {
        #expect(try ERC20.decimals.encodeOutput([.uint(UInt256(18 as UInt64))]) == T.word(18))
        #expect(try ERC20.decimals.decodeOutput(T.word(18)) == [.uint(UInt256(18 as UInt64))])
        let symbol = try ERC20.symbol.encodeOutput([.string("AAPL")])
        #expect(symbol == T.words(32, 4) + Array("AAPL".utf8) + [UInt8](repeating: 0, count: 28))
        #expect(try ERC20.symbol.decodeOutput(symbol) == [.string("AAPL")])
        // decimals() returns uint8: a value that does not fit is refused both ways.
        #expect(throws: ABIEncodingError.valueOutOfRange(path: "arguments.0", type: "uint8", value: "256")) {
            try ERC20.decimals.encodeOutput([.uint(UInt256(256 as UInt64))])
        }
        #expect(throws: ABIDecodingError.nonZeroPadding(position: 0, type: "uint8")) {
            try ERC20.decimals.decodeOutput(T.word(256))
        }
    }

    @Test func transferLogRoundTrip() throws {
        let from = T.address("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        let to = T.address("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
        let values: [ABIValue] = [.address(from), .address(to), .amount(42)]
        let log = try ERC20.transferEvent.encodeLog(values)
        #expect(log.topics == [ERC20.transferEvent.topic, from.word, to.word])
        #expect(log.data == T.word(42))
        #expect(try ERC20.transferEvent.decodeLog(topics: log.topics, data: log.data) == values)
    }

    @Test func malformedLogsAreRefused() throws {
        let from = T.address("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        let event = ERC20.transferEvent
        #expect(throws: ABIDecodingError.wrongTopicCount(event: event.signature, expected: 3, found: 2)) {
            try event.decodeLog(topics: [event.topic, from.word], data: T.word(1))
        }
        #expect(throws: ABIDecodingError.topicMismatch(event: event.signature, expected: event.topic,
                                                       found: ERC20.approvalEvent.topic)) {
            try event.decodeLog(topics: [ERC20.approvalEvent.topic, from.word, from.word], data: T.word(1))
        }
        var dirty = from.word
        dirty.w0 = 1
        #expect(throws: ABIDecodingError.invalidTopic(
            index: 2, reason: ABIDecodingError.nonZeroPadding(position: 0, type: "address").description)) {
            try event.decodeLog(topics: [event.topic, from.word, dirty], data: T.word(1))
        }
        #expect(throws: ABIDecodingError.truncated(position: 0, needed: 32, available: 31)) {
            try event.decodeLog(topics: [event.topic, from.word, from.word], data: Array(T.word(1).dropLast()))
        }
    }
}
