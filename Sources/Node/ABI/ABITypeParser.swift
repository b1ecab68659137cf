/// Recursive-descent parser for ABI type strings:
///
///     type  := base ("[" digits? "]")*
///     base  := "(" list ")" | name
///     list  := ε | type ("," type)*
///
/// No whitespace is allowed, as in signatures. Nesting is bounded so that hostile
/// input cannot exhaust the stack.
struct ABITypeParser {
    private let text: String
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    /// A single type spanning the whole text.
    mutating func parseWhole() throws(ABITypeError) -> ABIType {
        guard !bytes.isEmpty else { throw .empty(text) }
        let type = try parseType(depth: 0)
        guard position == bytes.count else { throw unexpected("end of type") }
        return type
    }

    /// A parenthesised list spanning the whole text.
    mutating func parseWholeList() throws(ABITypeError) -> [ABIType] {
        guard peek == UInt8(ascii: "(") else { throw .malformed(text, reason: "a parameter list starts with \"(\"") }
        let list = try parseList(depth: 0)
        guard position == bytes.count else { throw unexpected("end of parameter list") }
        return list
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private func unexpected(_ expected: String) -> ABITypeError {
        if let c = peek {
            return .malformed(text, reason: "expected \(expected) at character \(position + 1), found \"\(Character(Unicode.Scalar(c)))\"")
        }
        return .malformed(text, reason: "expected \(expected), found the end of the text")
    }

    private mutating func parseType(depth: Int) throws(ABITypeError) -> ABIType {
        guard depth <= ABIType.maximumNesting else { throw .nestedTooDeeply(limit: ABIType.maximumNesting) }
        var type: ABIType
        if peek == UInt8(ascii: "(") {
            type = .tuple(try parseList(depth: depth + 1))
        } else {
            type = try parseName()
        }
        var dimensions = 0
        while peek == UInt8(ascii: "[") {
            dimensions += 1
            guard depth + dimensions <= ABIType.maximumNesting else { throw .nestedTooDeeply(limit: ABIType.maximumNesting) }
            position += 1
            if peek == UInt8(ascii: "]") {
                position += 1
                type = .array(type)
            } else {
                let count = try parseCount()
                guard peek == UInt8(ascii: "]") else { throw unexpected("\"]\"") }
                position += 1
                type = .fixedArray(type, count)
            }
        }
        return type
    }

    private mutating func parseList(depth: Int) throws(ABITypeError) -> [ABIType] {
        position += 1  // "("
        var components: [ABIType] = []
        if peek == UInt8(ascii: ")") {
            position += 1
            return components
        }
        while true {
            guard let c = peek, c != UInt8(ascii: ","), c != UInt8(ascii: ")") else { throw .empty(text) }
            components.append(try parseType(depth: depth))
            guard let next = peek else { throw unexpected("\",\" or \")\"") }
            position += 1
            if next == UInt8(ascii: ")") { return components }
            guard next == UInt8(ascii: ",") else {
                position -= 1
                throw unexpected("\",\" or \")\"")
            }
        }
    }

    /// A fixed-array length: decimal digits without a leading zero, at most 9 of them.
    private mutating func parseCount() throws(ABITypeError) -> Int {
        let start = position
        var value = 0
        while let c = peek, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
            guard position - start < 9 else { throw .malformed(text, reason: "array length at character \(start + 1) is too long") }
            value = value * 10 + Int(c - UInt8(ascii: "0"))
            position += 1
        }
        guard position > start else { throw unexpected("an array length or \"]\"") }
        guard bytes[start] != UInt8(ascii: "0") || position - start == 1 else {
            throw .malformed(text, reason: "array length at character \(start + 1) has a leading zero")
        }
        return value
    }

    private mutating func parseName() throws(ABITypeError) -> ABIType {
        let start = position
        while let c = peek, Self.isNameCharacter(c) { position += 1 }
        guard position > start else { throw unexpected("a type name") }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let type = Self.elementaryType(name) else { throw .unknownType(name) }
        return type
    }

    private static func isNameCharacter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
    }

    /// The elementary type a name denotes, or `nil`.
    static func elementaryType(_ name: String) -> ABIType? {
        switch name {
        case "address": return .address
        case "bool": return .bool
        case "bytes": return .bytes
        case "string": return .string
        case "uint": return .uint(256)
        case "int": return .int(256)
        default: break
        }
        for (prefix, make) in [("uint", ABIType.uint), ("int", ABIType.int), ("bytes", ABIType.fixedBytes)] {
            guard name.hasPrefix(prefix) else { continue }
            let digits = name.dropFirst(prefix.count)
            guard let first = digits.utf8.first, first != UInt8(ascii: "0"), digits.utf8.count <= 3,
                  digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let n = Int(digits) else { return nil }
            let type = make(n)
            switch type {
            case .fixedBytes: return n <= 32 ? type : nil
            default: return n % 8 == 0 && n <= 256 ? type : nil
            }
        }
        return nil
    }
}
