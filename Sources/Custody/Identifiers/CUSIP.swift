/// A CUSIP: the nine-character identifier of a North American security (six-character
/// issuer, two-character issue, one check digit computed by the "modulus 10 double
/// add double" rule, with `*` = 36, `@` = 37, `#` = 38).
public struct CUSIP: SecurityIdentifier {
    /// The nine characters, uppercase.
    public let code: String

    /// Why a string is not a CUSIP.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case wrongLength(Int)
        case badCharacter(Character)
        case wrongCheckDigit(expected: Int, found: Character)

        public var description: String {
            switch self {
            case .wrongLength(let n): return "a CUSIP has 9 characters, this has \(n)"
            case .badCharacter(let c): return "'\(c)' is not allowed in a CUSIP"
            case .wrongCheckDigit(let e, let f): return "CUSIP check digit is wrong: expected \(e), found \(f)"
            }
        }
    }

    public init(_ text: String) throws(ParseError) {
        let chars = Array(text.uppercased())
        guard chars.count == 9 else { throw .wrongLength(chars.count) }
        var sum = 0
        for (i, c) in chars[0..<8].enumerated() {
            guard var v = Self.value(of: c) else { throw .badCharacter(c) }
            if i % 2 == 1 { v *= 2 }
            sum += v / 10 + v % 10
        }
        let expected = (10 - sum % 10) % 10
        guard chars[8].isASCII, let found = chars[8].wholeNumberValue, found == expected else {
            throw .wrongCheckDigit(expected: expected, found: chars[8])
        }
        code = String(chars)
    }

    private static func value(of c: Character) -> Int? {
        guard let a = c.asciiValue else { return nil }
        switch a {
        case 0x30...0x39: return Int(a - 0x30)
        case 0x41...0x5A: return Int(a - 0x41) + 10
        case 0x2A: return 36  // *
        case 0x40: return 37  // @
        case 0x23: return 38  // #
        default: return nil
        }
    }
}
