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

    /// Parses `text` against the declared struct names. Array suffixes are peeled off
    /// in a loop (outermost first), at most `TypedDataTypes.maximumNesting` of them.
    static func parse(_ text: String, structs: Set<String>, path: String) throws(TypedDataError) -> TypedDataMemberType {
        var base = Substring(text)
        var dimensions: [Int?] = []
        while base.hasSuffix("]") {
            guard dimensions.count < TypedDataTypes.maximumNesting, let open = base.lastIndex(of: "[") else {
                throw .unknownType(path: path, type: text)
            }
            let inside = base[base.index(after: open)..<base.index(before: base.endIndex)]
            if inside.isEmpty {
                dimensions.append(nil)
            } else {
                guard inside.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), inside.first != "0", inside.count <= 9,
                      let count = Int(inside) else {
                    throw .unknownType(path: path, type: text)
                }
                dimensions.append(count)
            }
            base = base[..<open]
        }
        var type = try element(String(base), structs: structs, path: path, whole: text)
        for count in dimensions.reversed() { type = .array(type, count: count) }
        return type
    }

    private static func element(_ name: String, structs: Set<String>, path: String, whole: String) throws(TypedDataError) -> TypedDataMemberType {
        if structs.contains(name) { return .structure(name) }
        switch name {
        case "bytes": return .bytes
        case "string": return .string
        // EIP-712 lists only sized integers; the Solidity aliases would change the type hash.
        case "uint", "int": throw .unknownType(path: path, type: whole)
        default:
            guard let type = ABITypeParser.elementaryType(name) else { throw .unknownType(path: path, type: whole) }
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
