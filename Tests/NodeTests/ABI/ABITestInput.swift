@testable import Node

/// Test inputs written as hex.
enum ABITestInput {
    /// Bytes of a hex literal that may be split over lines; an unreadable literal yields
    /// no bytes, which fails the comparison it feeds instead of crashing the run.
    static func bytes(_ text: String) -> [UInt8] {
        Hex.decode(text.filter { !$0.isWhitespace }) ?? []
    }

    /// A 32-byte word holding `value` (big-endian).
    static func word(_ value: UInt64) -> [UInt8] { UInt256(value).bigEndianBytes }

    /// A sequence of words.
    static func words(_ values: UInt64...) -> [UInt8] { values.flatMap { word($0) } }

    /// An address from its hex form; the zero address if the literal is unreadable.
    static func address(_ text: String) -> Address { (try? Address(hex: text)) ?? .zero }
}
