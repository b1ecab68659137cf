import Foundation
import Testing
@testable import Custody

@Suite("ISIN and CUSIP")
struct IdentifierTests {
    // Real identifiers of the devnet's assets, as published by their issuers.
    @Test(arguments: [
        ("US0378331005", "037833100"),  // Apple
        ("US5949181045", "594918104"),  // Microsoft
        ("US67066G1040", "67066G104"),  // NVIDIA
        ("US88160R1014", "88160R101"),  // Tesla
        ("US78462F1030", "78462F103"),  // SPDR S&P 500 ETF
    ])
    func realIdentifiersParse(isin: String, cusip: String) throws {
        let parsed = try ISIN(isin)
        #expect(parsed.countryCode == "US")
        #expect(String(parsed.nationalCode) == cusip)
        #expect(try CUSIP(cusip).code == cusip)
    }

    @Test func nonUSISIN() throws {
        #expect(try ISIN("GB0002634946").countryCode == "GB")  // BAE Systems
        #expect(try ISIN("de000bay0017").code == "DE000BAY0017")  // Bayer, lowercase accepted
    }

    @Test func wrongCheckDigitsAreRefused() {
        #expect(throws: ISIN.ParseError.wrongCheckDigit(expected: 5, found: "4")) { try ISIN("US0378331004") }
        #expect(throws: CUSIP.ParseError.wrongCheckDigit(expected: 0, found: "1")) { try CUSIP("037833101") }
    }

    @Test func malformedIdentifiersAreRefused() {
        #expect(throws: ISIN.ParseError.wrongLength(11)) { try ISIN("US037833100") }
        #expect(throws: ISIN.ParseError.badCountryCode("1S")) { try ISIN("1S0378331005") }
        #expect(throws: ISIN.ParseError.badCharacter("-")) { try ISIN("US-378331005") }
        #expect(throws: CUSIP.ParseError.wrongLength(8)) { try CUSIP("03783310") }
        #expect(throws: CUSIP.ParseError.badCharacter("!")) { try CUSIP("03783!100") }
    }

    @Test func jsonCodingIsThePlainStringAndChecksTheDigit() throws {
        let encoded = try JSONEncoder().encode([try ISIN("US0378331005")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["US0378331005"]"#)
        #expect(try JSONDecoder().decode([CUSIP].self, from: Data(#"["037833100"]"#.utf8)) == [try CUSIP("037833100")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ISIN].self, from: Data(#"["US0378331004"]"#.utf8)) }
        #expect(try ISIN("US5949181045") > ISIN("US0378331005"))
    }
}
