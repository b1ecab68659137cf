/// The struct declarations of EIP-712 typed data, checked once, with the EIP's
/// `encodeType`, `typeHash`, `encodeData` and `hashStruct`.
///
/// Checked on construction: names are identifiers, every field type is an EIP-712
/// atomic type, `bytes`, `string`, a declared struct or an array of those, no field
/// name repeats, and every struct has a finite value (recursion must go through a
/// dynamic array).
public struct TypedDataTypes: Sendable {
    /// Deepest nesting of structs and arrays in a value.
    public static let maximumNesting = 64

    /// The declarations as given.
    public let structs: [String: [TypedDataField]]
    private let members: [String: [(name: String, type: TypedDataMemberType)]]

    public init(_ structs: [String: [TypedDataField]]) throws(TypedDataError) {
        let names = Set(structs.keys)
        var members: [String: [(name: String, type: TypedDataMemberType)]] = [:]
        for name in structs.keys.sorted() {
            guard Self.isIdentifier(name), ABITypeParser.elementaryType(name) == nil,
                  name != "bytes", name != "string" else {
                throw .invalidName(path: "types", name: name)
            }
            var seen = Set<String>()
            var parsed: [(name: String, type: TypedDataMemberType)] = []
            for (i, field) in (structs[name] ?? []).enumerated() {
                let path = "types.\(name)[\(i)]"
                guard Self.isIdentifier(field.name) else { throw .invalidName(path: path + ".name", name: field.name) }
                guard seen.insert(field.name).inserted else { throw .duplicateField(type: name, field: field.name) }
                parsed.append((field.name, try TypedDataMemberType.parse(field.type, structs: names, path: path + ".type")))
            }
            members[name] = parsed
        }
        // Least fixpoint of "has a finite value": a struct is finite once all its fields are.
        var finite = Set<String>()
        var changed = true
        while changed {
            changed = false
            for (name, fields) in members where !finite.contains(name) {
                if fields.allSatisfy({ $0.type.isFinite(finite) }) {
                    finite.insert(name)
                    changed = true
                }
            }
        }
        if let infinite = names.subtracting(finite).sorted().first { throw .recursiveWithoutBase(type: infinite) }
        self.structs = structs
        self.members = members
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(first >= 0x30 && first <= 0x39) else { return false }
        return name.utf8.allSatisfy { c in
            (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c == 0x5f || c == 0x24
        }
    }

    /// Whether `name` is a declared struct.
    public func contains(_ name: String) -> Bool { members[name] != nil }

    private func fields(of name: String) throws(TypedDataError) -> [(name: String, type: TypedDataMemberType)] {
        guard let fields = members[name] else { throw .unknownPrimaryType(name) }
        return fields
    }

    /// `Name(type1 name1,…)` for `name`, then for every struct it references, directly
    /// or through arrays, recursively, sorted by name and each once.
    public func encodeType(_ name: String) throws(TypedDataError) -> String {
        _ = try fields(of: name)
        var found: Set<String> = [name]
        var pending = [name]
        while let next = pending.popLast() {
            for field in members[next] ?? [] {
                if let referenced = field.type.structName, found.insert(referenced).inserted {
                    pending.append(referenced)
                }
            }
        }
        let order = [name] + found.subtracting([name]).sorted()
        return order.map { type in
            type + "(" + (structs[type] ?? []).map { "\($0.type) \($0.name)" }.joined(separator: ",") + ")"
        }.joined()
    }

    /// Keccak-256 of `encodeType(name)`.
    public func typeHash(_ name: String) throws(TypedDataError) -> Bytes32 {
        Keccak256.hash(Array(try encodeType(name).utf8))
    }

    /// `typeHash ‖ enc(field1) ‖ …`: every field as one 32-byte word.
    public func encodeData(_ name: String, _ value: JSONValue, path: String = "message") throws(TypedDataError) -> [UInt8] {
        try encodeData(name, value, path: path, depth: 0)
    }

    /// Keccak-256 of `encodeData`.
    public func hashStruct(_ name: String, _ value: JSONValue, path: String = "message") throws(TypedDataError) -> Bytes32 {
        Keccak256.hash(try encodeData(name, value, path: path, depth: 0))
    }

    private func encodeData(_ name: String, _ value: JSONValue, path: String, depth: Int) throws(TypedDataError) -> [UInt8] {
        guard depth <= Self.maximumNesting else { throw .nestedTooDeeply(path: path) }
        let fields = try fields(of: name)
        guard case .object(let object) = value else {
            throw .wrongValueType(path: path, expected: "an object (struct \(name))", found: value.typeName)
        }
        let declared = Set(fields.map(\.name))
        if let extra = object.keys.sorted().first(where: { !declared.contains($0) }) {
            throw .undeclaredField(path: "\(path).\(extra)")
        }
        var out = try typeHash(name).bytes
        out.reserveCapacity(32 * (fields.count + 1))
        for field in fields {
            let fieldPath = "\(path).\(field.name)"
            guard let member = object[field.name], member != .null else { throw .missingField(path: fieldPath) }
            out.append(contentsOf: try encodeMember(field.type, member, path: fieldPath, depth: depth + 1))
        }
        return out
    }

    /// One 32-byte word: atomic values as their ABI word, everything else hashed.
    private func encodeMember(
        _ type: TypedDataMemberType, _ value: JSONValue, path: String, depth: Int
    ) throws(TypedDataError) -> [UInt8] {
        switch type {
        case .atomic(let abiType):
            return try TypedDataAtomicValue.word(abiType, value, path: path)
        case .bytes:
            return Keccak256.hash(try TypedDataAtomicValue.hexBytes(value, path: path, type: "bytes")).bytes
        case .string:
            guard case .string(let text) = value else {
                throw .wrongValueType(path: path, expected: "a string", found: value.typeName)
            }
            return Keccak256.hash(Array(text.utf8)).bytes
        case .structure(let name):
            return Keccak256.hash(try encodeData(name, value, path: path, depth: depth)).bytes
        case .array(let element, let count):
            guard depth <= Self.maximumNesting else { throw .nestedTooDeeply(path: path) }
            guard case .array(let items) = value else {
                throw .wrongValueType(path: path, expected: "an array", found: value.typeName)
            }
            if let count, items.count != count {
                throw .wrongLength(path: path, type: "array", expected: count, found: items.count)
            }
            var hasher = Keccak256()
            for (i, item) in items.enumerated() {
                hasher.update(try encodeMember(element, item, path: "\(path)[\(i)]", depth: depth + 1))
            }
            return hasher.finalize().bytes
        }
    }
}
