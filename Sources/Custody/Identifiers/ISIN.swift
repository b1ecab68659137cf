/// An International Securities Identification Number (ISO 6166): two-letter country
/// code, nine alphanumeric characters (for US securities, the CUSIP), one check digit.
///
/// Parsing checks the form and the Luhn check digit computed over the letters
/// expanded to numbers (A=10 … Z=35), so a mistyped ISIN is refused, not stored.
public struct ISIN: SecurityIdentifier {
    /// The twelve characters, uppercase.
    public let code: String

    /// Why a string is not an ISIN.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case wrongLength(Int)
        case badCountryCode(String)
        case badCharacter(Character)
        case wrongCheckDigit(expected: Int, found: Character)

        public var description: String {
            switch self {
            case .wrongLength(let n): return "an ISIN has 12 characters, this has \(n)"
            case .badCountryCode(let c): return "an ISIN starts with a two-letter country code, not '\(c)'"
            case .badCharacter(let c): return "'\(c)' is not allowed in an ISIN (A-Z and 0-9 only)"
            case .wrongCheckDigit(let e, let f): return "ISIN check digit is wrong: expected \(e), found \(f)"
            }
        }
    }

    public init(_ text: String) throws(ParseError) {
        let chars = Array(text.uppercased())
        guard chars.count == 12 else { throw .wrongLength(chars.count) }
        guard chars[0].isASCII, chars[0].isLetter, chars[1].isASCII, chars[1].isLetter else {
            throw .badCountryCode(String(chars[0..<2]))
        }
        for c in chars[0..<11] where !(c.isASCII && (c.isLetter || c.isNumber)) { throw .badCharacter(c) }
        let expected = Self.checkDigit(chars[0..<11])
        guard let found = chars[11].wholeNumberValue, chars[11].isASCII, found == expected else {
            throw .wrongCheckDigit(expected: expected, found: chars[11])
        }
        code = String(chars)
    }

    /// The ISIN check digit of the first eleven characters: Luhn over the digit string.
    static func checkDigit(_ body: ArraySlice<Character>) -> Int {
        var digits: [Int] = []
        for c in body {
            let v = c.isNumber ? c.wholeNumberValue! : Int(c.asciiValue! - 55)  // "A" = 65 → 10
            if v >= 10 { digits.append(v / 10) }
            digits.append(v % 10)
        }
        var sum = 0
        // Luhn from the right: the rightmost digit of the body is doubled.
        for (i, d) in digits.reversed().enumerated() {
            let v = i % 2 == 0 ? d * 2 : d
            sum += v / 10 + v % 10
        }
        return (10 - sum % 10) % 10
    }

    /// The two-letter country code (for example `US`).
    public var countryCode: Substring { code.prefix(2) }

    /// The national identifier (for US ISINs, the CUSIP), characters 3 to 11.
    public var nationalCode: Substring { code.dropFirst(2).prefix(9) }
}
