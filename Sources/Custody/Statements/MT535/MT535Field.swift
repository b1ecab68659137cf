/// One field of a SWIFT block 4: `:TAG:value` and any continuation lines, with the
/// line it starts on.
struct MT535Field: Sendable {
    /// The tag with its option letter, such as `93B`.
    let tag: String
    /// The text after `:TAG:` on the first line.
    let value: String
    /// Continuation lines (the description lines of `:35B:`).
    var continuation: [String]
    let line: Int

    /// Splits a generic field value `:QUAL//rest` (or `:QUAL/SCHEME/rest`) into its qualifier,
    /// data source scheme (nil when `//`) and the rest.
    var qualified: (qualifier: String, scheme: String?, rest: String)? {
        guard value.hasPrefix(":") else { return nil }
        let body = value.dropFirst()
        guard let slash = body.firstIndex(of: "/") else { return nil }
        let qualifier = String(body[..<slash])
        let afterSlash = body[body.index(after: slash)...]
        if afterSlash.hasPrefix("/") { return (qualifier, nil, String(afterSlash.dropFirst())) }
        guard let second = afterSlash.firstIndex(of: "/") else { return nil }
        return (qualifier, String(afterSlash[..<second]), String(afterSlash[afterSlash.index(after: second)...]))
    }
}
