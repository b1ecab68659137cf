import Testing
@testable import Custody

@Suite("Quantity fixed point")
struct QuantityTests {
    @Test func parsesWholeAndFractionalShares() throws {
        #expect(try Quantity(parsing: "100").raw == 100 * Quantity.scale)
        #expect(try Quantity(parsing: "12.5").raw == 12 * Quantity.scale + Quantity.scale / 2)
        #expect(try Quantity(parsing: ".5") == Quantity(parsing: "0.5"))
        #expect(try Quantity(parsing: "+7") == Quantity(parsing: "7.000"))
        #expect(try Quantity(parsing: "0.000000000000000001").raw == 1)
        #expect(try Quantity(parsing: "1.500000000000000000000").raw == Quantity.scale * 3 / 2)  // trailing zeros beyond 18 are exact
    }

    @Test func swiftDecimalComma() throws {
        #expect(try Quantity(parsing: "100,", separator: ",", requireSeparator: true) == Quantity(parsing: "100"))
        #expect(try Quantity(parsing: "12,5", separator: ",", requireSeparator: true) == Quantity(parsing: "12.5"))
        #expect(throws: Quantity.Failure.missingDecimalComma("100")) { try Quantity(parsing: "100", separator: ",", requireSeparator: true) }
        #expect(Quantity(whole: 100)?.formatted(separator: ",", alwaysSeparator: true) == "100,")
    }

    @Test func refusesWhatIsNotAnExactQuantity() {
        #expect(throws: Quantity.Failure.empty) { try Quantity(parsing: "") }
        #expect(throws: Quantity.Failure.notANumber("12a")) { try Quantity(parsing: "12a") }
        #expect(throws: Quantity.Failure.notANumber("1.2.3")) { try Quantity(parsing: "1.2.3") }
        #expect(throws: Quantity.Failure.notANumber(".")) { try Quantity(parsing: ".") }
        #expect(throws: Quantity.Failure.notANumber("1e5")) { try Quantity(parsing: "1e5") }
        #expect(throws: Quantity.Failure.negative("-3")) { try Quantity(parsing: "-3") }
        #expect(throws: Quantity.Failure.tooManyDecimals("0.0000000000000000001", allowed: 18)) { try Quantity(parsing: "0.0000000000000000001") }
        // 2^128 / 10^18 ≈ 3.4e20: one more digit overflows.
        #expect(throws: Quantity.Failure.tooLarge("1000000000000000000000")) { try Quantity(parsing: "1000000000000000000000") }
    }

    @Test func checkedArithmetic() throws {
        let a = try Quantity(parsing: "10.25"), b = try Quantity(parsing: "0.75")
        #expect(try a.adding(b) == Quantity(parsing: "11"))
        #expect(try a.subtracting(b) == Quantity(parsing: "9.5"))
        #expect(throws: Quantity.Failure.underflow(b, minus: a)) { try b.subtracting(a) }
        #expect(throws: Quantity.Failure.overflow) { try Quantity(raw: .max).adding(Quantity(raw: 1)) }
    }

    @Test func formatsWithoutTrailingZeros() throws {
        #expect(try Quantity(parsing: "12.50").formatted() == "12.5")
        #expect(try Quantity(parsing: "40.125").formatted(separator: ",") == "40,125")
        #expect(try Quantity(parsing: "3").formatted() == "3")
        #expect(try Quantity(parsing: "40.125").significantDecimals == 3)
        #expect(Quantity(raw: 1).formatted() == "0.000000000000000001")
    }
}
