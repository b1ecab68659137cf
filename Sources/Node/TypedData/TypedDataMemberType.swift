/// The meaning of a field's type string in EIP-712 encoding.
indirect enum TypedDataMemberType: Hashable, Sendable {
    /// A value type encoded as its ABI word: `uintN`, `intN`, `bool`, `address`, `bytesN`.
    case atomic(ABIType)
    /// `bytes`, encoded as the Keccak-256 of its contents.
    case bytes
    /// `string`, encoded as the Keccak-256 of its UTF-8.
    case string
    /// A declared struct, encoded as its `hashStruct`.
    case structure(String)
    /// `T[]` (`count` nil) or `T[k]`, encoded as the Keccak-256 of its elements' encodings.
    case array(TypedDataMemberType, count: Int?)

    /// Parses `text` against the declared struct names.
    static func parse(_ text: String, structs: Set<String>, path: String) throws(TypedDataError) -> TypedDataMemberType {
        if text.hasSuffix("]") {
            guard let open = text.lastIndex(of: "[") else { throw .unknownType(path: path, type: text) }
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
            let element = try parse(String(text[..<open]), structs: structs, path: path)
            if inside.isEmpty { return .array(element, count: nil) }
            guard inside.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), inside.first != "0", inside.count <= 9,
                  let count = Int(inside) else {
                throw .unknownType(path: path, type: text)
            }
            return .array(element, count: count)
        }
        if structs.contains(text) { return .structure(text) }
        switch text {
        case "bytes": return .bytes
        case "string": return .string
        // EIP-712 lists only sized integers; the Solidity aliases would change the type hash.
        case "uint", "int": throw .unknownType(path: path, type: text)
        default:
            guard let type = ABITypeParser.elementaryType(text) else { throw .unknownType(path: path, type: text) }
            return .atomic(type)
        }
    }

    /// Whether a finite value exists, given which structs are known to have one.
    func isFinite(_ finiteStructs: Set<String>) -> Bool {
        switch self {
        case .atomic, .bytes, .string: return true
        case .structure(let name): return finiteStructs.contains(name)
        case .array(_, count: nil): return true  // the empty array
        case .array(let element, count: .some): return element.isFinite(finiteStructs)
        }
    }

    /// The struct this type refers to, directly or as an array element.
    var structName: String? {
        switch self {
        case .structure(let name): return name
        case .array(let element, _): return element.structName
        case .atomic, .bytes, .string: return nil
        }
    }
}
