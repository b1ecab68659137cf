/// A Solidity ABI type: the schema that gives meaning to ABI-encoded bytes.
///
/// Construct types directly (`.uint(256)`, `.array(.address)`) or parse canonical
/// type strings with `ABIType(parsing:)` (`"uint256"`, `"address[]"`,
/// `"(address,uint256)[]"`). Widths are checked where the type is used: `validate()`
/// runs before every encode and decode, so a directly constructed `.uint(7)` is a
/// clear `ABITypeError`, never a wrong encoding.
public indirect enum ABIType: Hashable, Sendable, CustomStringConvertible {
    /// `uintN`, N in 8…256, a multiple of 8.
    case uint(Int)
    /// `intN` (two's complement), N in 8…256, a multiple of 8.
    case int(Int)
    /// `address`: 20 bytes, left-padded.
    case address
    /// `bool`: a word holding 0 or 1.
    case bool
    /// `bytesN`, N in 1…32: right-padded.
    case fixedBytes(Int)
    /// `bytes`: a length-prefixed byte string.
    case bytes
    /// `string`: length-prefixed UTF-8.
    case string
    /// `T[]`: a length-prefixed sequence.
    case array(ABIType)
    /// `T[k]`: exactly k elements, no length prefix.
    case fixedArray(ABIType, Int)
    /// `(T1,…,Tn)`.
    case tuple([ABIType])

    /// `uint256`, the type of every token amount on the wire.
    public static let uint256: ABIType = .uint(256)

    /// Deepest nesting of arrays and tuples accepted; real interfaces use a handful.
    public static let maximumNesting = 32
    /// Largest static encoding accepted (16 MiB), far above any real interface and low
    /// enough that size arithmetic can never overflow.
    public static let maximumStaticSize = 1 << 24

    /// The canonical spelling used in signatures: `uint256`, `bytes32`, `(address,uint256)[]`.
    public var canonicalName: String {
        switch self {
        case .uint(let bits): return "uint\(bits)"
        case .int(let bits): return "int\(bits)"
        case .address: return "address"
        case .bool: return "bool"
        case .fixedBytes(let n): return "bytes\(n)"
        case .bytes: return "bytes"
        case .string: return "string"
        case .array(let element): return element.canonicalName + "[]"
        case .fixedArray(let element, let count): return element.canonicalName + "[\(count)]"
        case .tuple(let components): return "(" + components.map(\.canonicalName).joined(separator: ",") + ")"
        }
    }

    public var description: String { canonicalName }

    /// Dynamic types are encoded in the tail behind an offset: `bytes`, `string`, `T[]`,
    /// and fixed arrays and tuples that contain a dynamic type.
    public var isDynamic: Bool {
        switch self {
        case .uint, .int, .address, .bool, .fixedBytes: return false
        case .bytes, .string, .array: return true
        case .fixedArray(let element, _): return element.isDynamic
        case .tuple(let components): return components.contains { $0.isDynamic }
        }
    }

    /// Checks widths, sizes and nesting; the codec calls it before touching any bytes.
    public func validate() throws(ABITypeError) {
        _ = try checkedHeadSize(depth: 0)
    }

    /// The bytes this type takes in the head of its enclosing tuple: 32 for a dynamic type
    /// (its offset), the whole encoding for a static one. Only valid after `validate()`.
    var headSize: Int {
        switch self {
        case .uint, .int, .address, .bool, .fixedBytes, .bytes, .string, .array: return 32
        case .fixedArray(let element, let count): return isDynamic ? 32 : element.headSize * count
        case .tuple(let components): return isDynamic ? 32 : components.reduce(0) { $0 + $1.headSize }
        }
    }

    private func checkedHeadSize(depth: Int) throws(ABITypeError) -> Int {
        guard depth <= Self.maximumNesting else { throw .nestedTooDeeply(limit: Self.maximumNesting) }
        switch self {
        case .uint(let bits), .int(let bits):
            guard bits >= 8, bits <= 256, bits % 8 == 0 else { throw .unknownType(canonicalName) }
            return 32
        case .fixedBytes(let n):
            guard n >= 1, n <= 32 else { throw .unknownType(canonicalName) }
            return 32
        case .address, .bool, .bytes, .string:
            return 32
        case .array(let element):
            _ = try element.checkedHeadSize(depth: depth + 1)
            return 32
        case .fixedArray(let element, let count):
            guard count > 0 else { throw .zeroSized(canonicalName) }
            let elementSize = try element.checkedHeadSize(depth: depth + 1)
            // Checked against the cap before multiplying: count can be anything.
            guard count <= Self.maximumStaticSize / elementSize else { throw .tooLarge(canonicalName) }
            return isDynamic ? 32 : elementSize * count
        case .tuple(let components):
            guard !components.isEmpty else { throw .zeroSized(canonicalName) }
            var total = 0
            for component in components {
                total += try component.checkedHeadSize(depth: depth + 1)
                guard total <= Self.maximumStaticSize else { throw .tooLarge(canonicalName) }
            }
            return isDynamic ? 32 : total
        }
    }

    /// Parses a canonical type string. `uint` and `int` are accepted as the aliases of
    /// `uint256` and `int256` and come back canonical.
    public init(parsing text: String) throws(ABITypeError) {
        var parser = ABITypeParser(text)
        self = try parser.parseWhole()
        try validate()
    }

    /// Parses the parenthesised list of a signature, such as `(address,uint256)` in
    /// `transfer(address,uint256)`; `()` is the empty list.
    public static func parseList(_ text: String) throws(ABITypeError) -> [ABIType] {
        var parser = ABITypeParser(text)
        let types = try parser.parseWholeList()
        for type in types { try type.validate() }
        return types
    }
}
