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
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }
}
