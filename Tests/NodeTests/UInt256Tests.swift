import Testing
@testable import Node

@Suite("UInt256 and amounts")
struct UInt256Tests {
    static let twoTo256Minus1 = "115792089237316195423570985008687907853269984665640564039457584007913129639935"

    @Test func decimalRoundTripAtTheEdges() throws {
        #expect(UInt256.max.description == Self.twoTo256Minus1)
        #expect(UInt256(decimal: Self.twoTo256Minus1) == .max)
        #expect(UInt256(decimal: "115792089237316195423570985008687907853269984665640564039457584007913129639936") == nil)
        #expect(UInt256(decimal: "12a") == nil)
        #expect(UInt256(decimal: "") == nil)
        #expect(UInt256(decimal: "340282366920938463463374607431768211456")?.high == 1)  // 2^128
    }

    @Test func arithmeticReportsOverflow() {
        let one = UInt256(1 as UInt64)
        #expect(UInt256.max.addingReportingOverflow(one).overflow)
        #expect(UInt256.zero.subtractingReportingOverflow(one).overflow)
        let twoTo128 = UInt256(high: 1, low: 0)
        #expect(twoTo128.multipliedReportingOverflow(by: twoTo128).overflow)
        let p = UInt256(UInt128.max).multipliedReportingOverflow(by: UInt256(2 as UInt64))
        #expect(!p.overflow && p.partialValue == UInt256(high: 1, low: UInt128.max - 1))
        let carry = UInt256(UInt128.max).addingReportingOverflow(one)
        #expect(!carry.overflow && carry.partialValue == twoTo128)
    }

    @Test func bigEndianForms() {
        let v = UInt256(0x0102 as UInt64)
        #expect(v.minimalBigEndianBytes == [1, 2])
        #expect(v.bigEndianBytes.count == 32 && v.bigEndianBytes.suffix(2) == [1, 2])
        #expect(UInt256.zero.minimalBigEndianBytes == [])
        #expect(UInt256(bigEndian: [UInt8](repeating: 0xff, count: 32)) == .max)
        #expect(UInt256(bigEndian: [UInt8](repeating: 0, count: 33)) == nil)
    }

    @Test func wireAmountsAboveUInt128AreAClearError() throws {
        #expect(try Amount.fromWire(UInt256(UInt128.max)) == UInt128.max)
        let tooBig = UInt256(high: 1, low: 0)
        #expect(throws: Amount.TooLarge(value: tooBig)) { try Amount.fromWire(tooBig) }
        #expect(Amount.TooLarge(value: tooBig).description.contains("340282366920938463463374607431768211456"))
    }
}
