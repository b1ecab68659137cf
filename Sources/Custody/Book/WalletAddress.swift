/// A blockchain address or wallet as a custody record carries it (ISO 20022
/// `BlckChainAdrOrWllt/Id`, `Max140Text`). Custody knows nothing of chains: the text
/// is kept as written, and the bridge checks that it is an address of its chain
/// before it mints to it.
public struct WalletAddress: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The address as written.
    public let text: String

    /// Why a text is not a wallet address.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case tooLong(Int)
        case badCharacter(String)

        public var description: String {
            switch self {
            case .empty: return "a chain address is empty"
            case .tooLong(let n): return "a chain address has at most 140 characters, this has \(n)"
            case .badCharacter(let t): return "chain address '\(t)' has a space or control character"
            }
        }
    }

    public init(_ text: String) throws(Failure) {
        guard !text.isEmpty else { throw .empty }
        guard text.count <= 140 else { throw .tooLong(text.count) }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { throw .badCharacter(text) }
        self.text = text
    }

    public var description: String { text }

    public static func < (a: WalletAddress, b: WalletAddress) -> Bool { a.text < b.text }

    public init(from decoder: Decoder) throws {
        self = try SingleStringCoding.decode(decoder) { (t) throws(Failure) in try Self(t) }
    }

    public func encode(to encoder: Encoder) throws { try SingleStringCoding.encode(text, to: encoder) }
}
