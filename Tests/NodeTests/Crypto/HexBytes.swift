@testable import Node

/// Bytes of a hex literal in a test vector; an unreadable literal yields no bytes, which
/// then fails the comparison it feeds instead of crashing the test run.
func hexBytes(_ text: String) -> [UInt8] {
    Hex.decode(text.filter { !$0.isWhitespace }) ?? []
}
