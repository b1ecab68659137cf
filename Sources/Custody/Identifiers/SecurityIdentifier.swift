/// A securities identifier with a check digit (ISIN, CUSIP): parsed from text, refused
/// when malformed, and coded as its plain string in JSON.
public protocol SecurityIdentifier: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    associatedtype ParseError: Error & CustomStringConvertible
    /// The identifier's characters, uppercase.
    var code: String { get }
    /// Parses and checks `text`.
    init(_ text: String) throws(ParseError)
}

extension SecurityIdentifier {
    public var description: String { code }

    public static func < (a: Self, b: Self) -> Bool { a.code < b.code }

    public init(from decoder: Decoder) throws {
        self = try SingleStringCoding.decode(decoder) { (t) throws(ParseError) in try Self(t) }
    }

    public func encode(to encoder: Encoder) throws { try SingleStringCoding.encode(code, to: encoder) }
}
