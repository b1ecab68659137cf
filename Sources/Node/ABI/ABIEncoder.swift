/// Solidity ABI encoding (head/tail layout, strict mode: the smallest offsets, no gaps).
///
/// `encode(_:as:)` encodes an argument list, return values or event data: the values
/// as one tuple, exactly what follows a function selector.
public enum ABIEncoder {
    /// Encodes `values` as the tuple of `types`.
    public static func encode(_ values: [ABIValue], as types: [ABIType]) throws(ABIEncodingError) -> [UInt8] {
        try encode(values, as: types, argumentNumbers: { $0 })
    }

    /// Encodes `values` as the tuple of `types`; an error names value `i` as argument
    /// `argumentNumbers(i)` (an event's data holds only its non-indexed arguments).
    static func encode(
        _ values: [ABIValue], as types: [ABIType], argumentNumbers: (Int) -> Int
    ) throws(ABIEncodingError) -> [UInt8] {
        for type in types {
            do { try type.validate() } catch { throw .invalidType(error) }
        }
        guard values.count == types.count else {
            throw .wrongElementCount(path: "arguments", type: "(" + types.map(\.canonicalName).joined(separator: ",") + ")",
                                     expected: types.count, found: values.count)
        }
        var out = [UInt8]()
        out.reserveCapacity(types.count * 32)
        do {
            try appendSequence(values, types: { types[$0] }, label: { ".\(argumentNumbers($0))" }, into: &out)
        } catch {
            throw error.within("arguments")
        }
        return out
    }

    /// Encodes one value of a validated type.
    static func encode(_ value: ABIValue, as type: ABIType) throws(ABIEncodingError) -> [UInt8] {
        var out = [UInt8]()
        try append(value, as: type, into: &out)
        return out
    }

    /// Heads in order (static values in place, dynamic ones as placeholders), then the
    /// tails in the same order, each offset measured from the start of the heads.
    private static func appendSequence(
        _ values: [ABIValue], types typeAt: (Int) -> ABIType, label: (Int) -> String, into out: inout [UInt8]
    ) throws(ABIEncodingError) {
        let start = out.count
        var placeholders: [(index: Int, position: Int)] = []
        for (i, value) in values.enumerated() {
            let type = typeAt(i)
            if type.isDynamic {
                placeholders.append((i, out.count))
                out.append(contentsOf: repeatElement(0, count: 32))
            } else {
                do { try append(value, as: type, into: &out) } catch { throw error.within(label(i)) }
            }
        }
        for (i, position) in placeholders {
            writeLength(out.count - start, at: position, in: &out)
            do { try append(values[i], as: typeAt(i), into: &out) } catch { throw error.within(label(i)) }
        }
    }

    /// Appends a value's encoding: a static value in place, a dynamic one's tail content.
    private static func append(_ value: ABIValue, as type: ABIType, into out: inout [UInt8]) throws(ABIEncodingError) {
        switch (type, value) {
        case (.uint(let bits), .uint(let v)):
            guard v.bitWidth <= bits else {
                throw .valueOutOfRange(path: "", type: type.canonicalName, value: v.description)
            }
            out.append(contentsOf: v.bigEndianBytes)
        case (.int(let bits), .int(let v)):
            let word = v.bigEndianBytes
            guard ABIWord.isSignExtended(word, at: 0, bits: bits) else {
                throw .valueOutOfRange(path: "", type: type.canonicalName, value: ABIWord.signedDescription(v))
            }
            out.append(contentsOf: word)
        case (.address, .address(let a)):
            out.append(contentsOf: a.word.bytes)
        case (.bool, .bool(let b)):
            out.append(contentsOf: repeatElement(0, count: 31))
            out.append(b ? 1 : 0)
        case (.fixedBytes(let n), .fixedBytes(let b)):
            guard b.count == n else { throw .wrongByteCount(path: "", type: type.canonicalName, found: b.count) }
            out.append(contentsOf: b)
            out.append(contentsOf: repeatElement(0, count: 32 - n))
        case (.bytes, .bytes(let b)):
            appendByteString(b, into: &out)
        case (.string, .string(let s)):
            appendByteString(Array(s.utf8), into: &out)
        case (.array(let element), .array(let elements)):
            appendLength(elements.count, into: &out)
            try appendElements(elements, of: element, into: &out)
        case (.fixedArray(let element, let count), .array(let elements)):
            guard elements.count == count else {
                throw .wrongElementCount(path: "", type: type.canonicalName, expected: count, found: elements.count)
            }
            try appendElements(elements, of: element, into: &out)
        case (.tuple(let components), .tuple(let values)):
            guard values.count == components.count else {
                throw .wrongElementCount(path: "", type: type.canonicalName, expected: components.count, found: values.count)
            }
            try appendSequence(values, types: { components[$0] }, label: { ".\($0)" }, into: &out)
        default:
            throw .typeMismatch(path: "", expected: "a value of type \(type.canonicalName)", found: value.kindName)
        }
    }

    private static func appendElements(_ elements: [ABIValue], of element: ABIType, into out: inout [UInt8]) throws(ABIEncodingError) {
        try appendSequence(elements, types: { _ in element }, label: { "[\($0)]" }, into: &out)
    }

    private static func appendByteString(_ bytes: [UInt8], into out: inout [UInt8]) {
        appendLength(bytes.count, into: &out)
        out.append(contentsOf: bytes)
        out.append(contentsOf: repeatElement(0, count: (32 - bytes.count % 32) % 32))
    }

    private static func appendLength(_ length: Int, into out: inout [UInt8]) {
        out.append(contentsOf: UInt256(UInt64(length)).bigEndianBytes)
    }

    private static func writeLength(_ length: Int, at position: Int, in out: inout [UInt8]) {
        let word = UInt256(UInt64(length)).bigEndianBytes
        out.replaceSubrange(position..<position + 32, with: word)
    }
}
