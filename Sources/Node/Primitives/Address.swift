/// A 20-byte Ethereum account or contract address.
///
/// Parsing follows EIP-55: all-lowercase and all-uppercase hex are accepted as is, a
/// mixed-case address must carry a correct checksum (a typo is refused, not silently
/// sent elsewhere). `checksummed` writes the EIP-55 form.
public struct Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Bytes 0..<4 (big-endian), 4..<12 and 12..<20.
    public let w0: UInt32, w1: UInt64, w2: UInt64

    /// The zero address.
    public static let zero = Address(w0: 0, w1: 0, w2: 0)

    public init(w0: UInt32, w1: UInt64, w2: UInt64) {
        self.w0 = w0; self.w1 = w1; self.w2 = w2
    }

    /// Exactly 20 bytes; `nil` for any other length.
    public init?<C: Collection>(bytes: C) where C.Element == UInt8 {
        guard bytes.count == 20 else { return nil }
        var a: UInt32 = 0, b: UInt64 = 0, c: UInt64 = 0
        for (i, byte) in bytes.enumerated() {
            switch i {
            case 0..<4: a = a << 8 | UInt32(byte)
            case 4..<12: b = b << 8 | UInt64(byte)
            default: c = c << 8 | UInt64(byte)
            }
        }
        self.init(w0: a, w1: b, w2: c)
    }

    /// The address of a public key: the last 20 bytes of Keccak-256 over the 64-byte
    /// uncompressed key body (X ‖ Y, without the 0x04 prefix).
    public init(publicKeyBody: [UInt8]) {
        precondition(publicKeyBody.count == 64, "public key body is 64 bytes")
        let h = Keccak256.hash(publicKeyBody)
        self.init(w0: UInt32(truncatingIfNeeded: h.w1), w1: h.w2, w2: h.w3)
    }

    /// The 20 bytes.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(20)
        for s in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: w0 >> UInt32(s))) }
        for s in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: w1 >> UInt64(s))) }
        for s in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: w2 >> UInt64(s))) }
        return out
    }

    /// The address left-padded to a 32-byte word (an ABI argument or an indexed topic).
    public var word: Bytes32 {
        Bytes32(w0: 0, w1: UInt64(w0), w2: w1, w3: w2)
    }

    /// `0x` and 40 lowercase hex digits.
    public var lowercaseHex: String { Hex.encode(bytes) }

    /// The EIP-55 mixed-case checksum form.
    public var checksummed: String {
        let lower = Array(Hex.encode(bytes, prefix: false).utf8)
        let hash = Keccak256.hash(lower).bytes
        var out = [UInt8]("0x".utf8)
        for (i, c) in lower.enumerated() {
            let nibble = (i % 2 == 0) ? hash[i / 2] >> 4 : hash[i / 2] & 0x0f
            out.append(c >= 0x61 && nibble >= 8 ? c - 0x20 : c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { checksummed }

    /// Why a string is not an address.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case missingPrefix
        case wrongLength(Int)
        case notHex
        case badChecksum(expected: String)

        public var description: String {
            switch self {
            case .missingPrefix: return "an address starts with 0x"
            case .wrongLength(let n): return "an address has 40 hex digits, this has \(n)"
            case .notHex: return "an address has only hex digits after 0x"
            case .badChecksum(let e): return "mixed-case address has a wrong EIP-55 checksum (expected \(e))"
            }
        }
    }

    /// Parses `0x` + 40 hex digits, enforcing the EIP-55 checksum on mixed case.
    public init(hex text: String) throws(ParseError) {
        guard text.hasPrefix("0x") || text.hasPrefix("0X") else { throw .missingPrefix }
        let digits = text.utf8.dropFirst(2)
        guard digits.count == 40 else { throw .wrongLength(digits.count) }
        guard let raw = Hex.decode(text), let parsed = Address(bytes: raw) else { throw .notHex }
        let hasUpper = digits.contains { $0 >= 0x41 && $0 <= 0x46 }
        let hasLower = digits.contains { $0 >= 0x61 && $0 <= 0x66 }
        if hasUpper && hasLower {
            let expected = parsed.checksummed
            guard expected.utf8.dropFirst(2).elementsEqual(digits) else { throw .badChecksum(expected: expected) }
        }
        self = parsed
    }

    public static func < (a: Address, b: Address) -> Bool { (a.w0, a.w1, a.w2) < (b.w0, b.w1, b.w2) }
}
