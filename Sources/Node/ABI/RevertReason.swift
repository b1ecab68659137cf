/// The reason of a revert, carried as `Error(string)` revert data (selector 0x08c379a0),
/// exactly as Solidity's `revert("…")` and `require(cond, "…")` produce it, so wallets
/// and libraries show the message.
public struct RevertReason: Hashable, Sendable, CustomStringConvertible {
    /// `Error(string)`.
    public static let errorFunction = ABIFunction(name: "Error", inputs: [.string])

    public let message: String

    public init(_ message: String) { self.message = message }

    /// Parses revert data; anything but a strict `Error(string)` encoding is an error.
    public init(revertData: [UInt8]) throws(ABIDecodingError) {
        // A successful decode of `Error(string)` is exactly one `.string`.
        let values = try Self.errorFunction.decodeCall(revertData)
        self.message = (try? values.first?.string()) ?? ""
    }

    /// The revert data: selector, offset 0x20, length, UTF-8 padded to 32 bytes.
    public var revertData: [UInt8] {
        let utf8 = Array(message.utf8)
        var out = Self.errorFunction.selector.bytes
        out.reserveCapacity(4 + 64 + (utf8.count + 31) / 32 * 32)
        out.append(contentsOf: UInt256(UInt64(32)).bigEndianBytes)
        out.append(contentsOf: UInt256(UInt64(utf8.count)).bigEndianBytes)
        out.append(contentsOf: utf8)
        out.append(contentsOf: repeatElement(0, count: (32 - utf8.count % 32) % 32))
        return out
    }

    public var description: String { message }
}
