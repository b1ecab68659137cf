/// Strict Solidity ABI decoding of untrusted bytes (calldata, return data, log data).
///
/// Strict means the input must be exactly what a conforming encoder writes (the ABI
/// specification's "strict encoding mode"): every padding byte zero, `bool` 0 or 1,
/// `intN` sign-extended, offsets 32-aligned and pointing exactly where the next value
/// belongs (no overlaps, no gaps), and no trailing bytes unless the caller allows them.
/// Because no two values may share bytes, the decoded values are never larger than the
/// input, and every length is checked against the bytes that remain before anything is
/// allocated: hostile input yields an `ABIDecodingError`, never a trap or a huge
/// allocation.
public struct ABIDecoder {
    private let data: [UInt8]

    private init(_ data: [UInt8]) { self.data = data }

    /// Decodes `data` as the tuple of `types` (arguments after the selector, return
    /// data, or a log's data).
    public static func decode(
        _ data: [UInt8], as types: [ABIType], allowingTrailingBytes: Bool = false
    ) throws(ABIDecodingError) -> [ABIValue] {
        try decode(data, from: 0, as: types, allowingTrailingBytes: allowingTrailingBytes)
    }

    /// Decodes the tuple of `types` that starts at byte `start` of `data`; positions in
    /// errors count from the start of `data`.
    static func decode(
        _ data: [UInt8], from start: Int, as types: [ABIType], allowingTrailingBytes: Bool
    ) throws(ABIDecodingError) -> [ABIValue] {
        for type in types {
            do { try type.validate() } catch { throw .invalidType(error) }
        }
        let decoder = ABIDecoder(data)
        let (values, end) = try decoder.sequence(.list(types), at: start)
        if end < data.count && !allowingTrailingBytes {
            throw .trailingBytes(position: end, count: data.count - end)
        }
        return values
    }

    /// Decodes one 32-byte word of a static elementary type (an indexed event topic).
    static func decodeWord(_ word: [UInt8], as type: ABIType) throws(ABIDecodingError) -> ABIValue {
        try ABIDecoder(word).staticValue(type, at: 0)
    }

    /// The member types of a sequence: a tuple's components, or `count` copies of an
    /// array's element type.
    private enum Members {
        case list([ABIType])
        case repeated(ABIType, count: Int)

        var count: Int {
            switch self {
            case .list(let types): return types.count
            case .repeated(_, let count): return count
            }
        }

        subscript(i: Int) -> ABIType {
            switch self {
            case .list(let types): return types[i]
            case .repeated(let type, _): return type
            }
        }

        var headSize: Int {
            switch self {
            case .list(let types): return types.reduce(0) { $0 + $1.headSize }
            case .repeated(let type, let count): return type.headSize * count
            }
        }
    }

    /// Decodes the heads at `start` and the tails behind them; returns the values and
    /// the position just after the last tail.
    private func sequence(_ members: Members, at start: Int) throws(ABIDecodingError) -> ([ABIValue], Int) {
        let headSize = members.headSize
        try require(headSize, at: start)
        var tail = start + headSize
        var head = start
        var values = [ABIValue]()
        values.reserveCapacity(members.count)
        for i in 0..<members.count {
            let type = members[i]
            if type.isDynamic {
                let offset = try offset(at: head, from: start)
                guard start + offset == tail else {
                    throw .nonCanonicalOffset(position: head, expected: tail - start, found: offset)
                }
                let (value, end) = try dynamicValue(type, at: tail)
                values.append(value)
                tail = end
                head += 32
            } else {
                values.append(try staticValue(type, at: head))
                head += type.headSize
            }
        }
        return (values, tail)
    }

    /// Reads the offset word at `position`, relative to `base`, and checks that it
    /// points inside the data at a word boundary.
    private func offset(at position: Int, from base: Int) throws(ABIDecodingError) -> Int {
        let word = word(at: position)
        guard let small = word.uint64, small < UInt64(data.count - base) else {
            throw .offsetOutOfBounds(position: position, offset: word.description)
        }
        let offset = Int(small)
        guard offset % 32 == 0 else { throw .misalignedOffset(position: position, offset: offset) }
        return offset
    }

    /// Reads a length word at `position` and checks that `length` units of `unit` bytes
    /// fit in what follows it.
    private func length(at position: Int, unit: Int) throws(ABIDecodingError) -> Int {
        try require(32, at: position)
        let word = word(at: position)
        let available = data.count - position - 32
        guard let small = word.uint64, small <= UInt64(available / unit) else {
            throw .lengthTooLarge(position: position, length: word.description, available: available)
        }
        return Int(small)
    }

    private func dynamicValue(_ type: ABIType, at position: Int) throws(ABIDecodingError) -> (ABIValue, Int) {
        switch type {
        case .bytes:
            let (content, end) = try byteString(at: position, type: type)
            return (.bytes(content), end)
        case .string:
            let (content, end) = try byteString(at: position, type: type)
            guard let text = String(validating: content, as: UTF8.self) else {
                throw .invalidUTF8(position: position + 32)
            }
            return (.string(text), end)
        case .array(let element):
            let count = try length(at: position, unit: element.headSize)
            let (values, end) = try sequence(.repeated(element, count: count), at: position + 32)
            return (.array(values), end)
        case .fixedArray(let element, let count):
            let (values, end) = try sequence(.repeated(element, count: count), at: position)
            return (.array(values), end)
        case .tuple(let components):
            let (values, end) = try sequence(.list(components), at: position)
            return (.tuple(values), end)
        case .uint, .int, .address, .bool, .fixedBytes:
            let value = try staticValue(type, at: position)
            return (value, position + 32)
        }
    }

    /// A length-prefixed byte string, right-padded with zeros to a word boundary.
    private func byteString(at position: Int, type: ABIType) throws(ABIDecodingError) -> ([UInt8], Int) {
        let count = try length(at: position, unit: 1)
        let start = position + 32
        let padded = (count + 31) / 32 * 32
        try require(padded, at: start)
        guard ABIWord.prefix(data, at: start + count, count: padded - count, equals: 0) else {
            throw .nonZeroPadding(position: start + count, type: type.canonicalName)
        }
        return (Array(data[start..<start + count]), start + padded)
    }

    /// A static value whose bytes the caller has already checked are present.
    private func staticValue(_ type: ABIType, at position: Int) throws(ABIDecodingError) -> ABIValue {
        switch type {
        case .uint(let bits):
            guard ABIWord.prefix(data, at: position, count: 32 - bits / 8, equals: 0) else {
                throw .nonZeroPadding(position: position, type: type.canonicalName)
            }
            return .uint(word(at: position))
        case .int(let bits):
            guard ABIWord.isSignExtended(data, at: position, bits: bits) else {
                throw .badSignExtension(position: position, type: type.canonicalName)
            }
            return .int(word(at: position))
        case .address:
            guard ABIWord.prefix(data, at: position, count: 12, equals: 0),
                  let address = Address(bytes: data[position + 12..<position + 32]) else {
                throw .nonZeroPadding(position: position, type: type.canonicalName)
            }
            return .address(address)
        case .bool:
            guard ABIWord.prefix(data, at: position, count: 31, equals: 0) else {
                throw .nonZeroPadding(position: position, type: type.canonicalName)
            }
            switch data[position + 31] {
            case 0: return .bool(false)
            case 1: return .bool(true)
            default: throw .invalidBool(position: position)
            }
        case .fixedBytes(let n):
            guard ABIWord.prefix(data, at: position + n, count: 32 - n, equals: 0) else {
                throw .nonZeroPadding(position: position, type: type.canonicalName)
            }
            return .fixedBytes(Array(data[position..<position + n]))
        case .fixedArray(let element, let count):
            return .array(try sequence(.repeated(element, count: count), at: position).0)
        case .tuple(let components):
            return .tuple(try sequence(.list(components), at: position).0)
        case .bytes, .string, .array:
            // Dynamic types never reach here: `sequence` routes them to `dynamicValue`.
            return try dynamicValue(type, at: position).0
        }
    }

    private func require(_ count: Int, at position: Int) throws(ABIDecodingError) {
        guard count <= data.count - position else {
            throw .truncated(position: position, needed: count, available: Swift.max(0, data.count - position))
        }
    }

    private func word(at position: Int) -> UInt256 {
        // Callers have checked that 32 bytes are present. Four 8-byte loads rather than a
        // byte-by-byte fold: calls decode several words each.
        precondition(position >= 0 && position + 32 <= data.count, "ABI word out of range")
        return data.withUnsafeBytes { raw in
            func load(_ offset: Int) -> UInt128 {
                UInt128(UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: position + offset, as: UInt64.self)))
            }
            return UInt256(high: load(0) << 64 | load(8), low: load(16) << 64 | load(24))
        }
    }
}
