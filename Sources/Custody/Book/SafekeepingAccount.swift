/// A safekeeping (securities) account identifier exactly as the custodian writes it
/// (ISO 20022 `Max35Text`, SWIFT `:97A::SAFE//35x`): 1 to 35 printable characters,
/// compared as written, never normalised.
public struct SafekeepingAccount: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The identifier as written.
    public let id: String

    /// Why a text is not an account identifier.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case tooLong(String)
        case badCharacter(String)

        public var description: String {
            switch self {
            case .empty: return "a safekeeping account identifier is empty"
            case .tooLong(let t): return "safekeeping account '\(t)' is longer than 35 characters"
            case .badCharacter(let t): return "safekeeping account '\(t)' has a control character or surrounding spaces"
            }
        }
    }

    public init(_ id: String) throws(Failure) {
        guard !id.isEmpty else { throw .empty }
        guard id.count <= 35 else { throw .tooLong(id) }
        guard id.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }),
              id.first != " ", id.last != " "
        else { throw .badCharacter(id) }
        self.id = id
    }

    public var description: String { id }

    public static func < (a: SafekeepingAccount, b: SafekeepingAccount) -> Bool { a.id < b.id }

    public init(from decoder: Decoder) throws {
        self = try SingleStringCoding.decode(decoder) { (t) throws(Failure) in try Self(t) }
    }

    public func encode(to encoder: Encoder) throws { try SingleStringCoding.encode(id, to: encoder) }
}
