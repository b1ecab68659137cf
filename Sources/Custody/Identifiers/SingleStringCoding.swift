/// The Codable form of the module's checked text values (accounts, wallets,
/// quantities, dates): one string, parsed back through the type's own checks so a
/// stored value can never decode into something the parser would have refused.
enum SingleStringCoding {
    static func decode<T, E: Error & CustomStringConvertible>(
        _ decoder: Decoder, _ parse: (String) throws(E) -> T
    ) throws -> T {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { return try parse(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    static func encode(_ text: String, to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
