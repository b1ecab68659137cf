/// Recursive Length Prefix encoding (Ethereum Yellow Paper, appendix B).
///
/// `RLP.decode` parses a whole input into an `RLPItem` tree; `RLPReader` walks an
/// input in place without building the tree (used on hot paths such as transaction
/// decoding). Both are strict: only the canonical encoding of a value is accepted.
public enum RLP {
    /// Decodes exactly one item spanning all of `bytes`.
    public static func decode(_ bytes: [UInt8]) throws(RLPError) -> RLPItem {
        var reader = RLPReader(bytes)
        let item = try reader.readItem()
        try reader.finish()
        return item
    }

    /// The canonical encoding of `item`.
    public static func encode(_ item: RLPItem) -> [UInt8] { item.encoded }

    static func append(_ item: RLPItem, to out: inout [UInt8]) {
        switch item {
        case .bytes(let b):
            appendString(b, to: &out)
        case .list(let items):
            var payload = [UInt8]()
            for i in items { append(i, to: &payload) }
            appendHeader(listPayload: payload.count, to: &out)
            out += payload
        }
    }

    /// Appends a byte string in canonical form.
    public static func appendString<C: Collection>(_ bytes: C, to out: inout [UInt8]) where C.Element == UInt8 {
        if bytes.count == 1, let b = bytes.first, b < 0x80 {
            out.append(b)
            return
        }
        appendLength(bytes.count, shortBase: 0x80, longBase: 0xb7, to: &out)
        out.append(contentsOf: bytes)
    }

    /// Appends the header of a list whose encoded elements take `listPayload` bytes.
    public static func appendHeader(listPayload: Int, to out: inout [UInt8]) {
        appendLength(listPayload, shortBase: 0xc0, longBase: 0xf7, to: &out)
    }

    private static func appendLength(_ n: Int, shortBase: UInt8, longBase: UInt8, to out: inout [UInt8]) {
        if n < 56 {
            out.append(shortBase + UInt8(n))
        } else {
            var lengthBytes = [UInt8]()
            var v = n
            while v > 0 {
                lengthBytes.append(UInt8(truncatingIfNeeded: v))
                v >>= 8
            }
            out.append(longBase + UInt8(lengthBytes.count))
            out.append(contentsOf: lengthBytes.reversed())
        }
    }
}
