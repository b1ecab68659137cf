/// A call that fails: the transaction is included with status 0, every write it made
/// is undone, and `eth_call` returns the reason as `Error(string)` revert data.
public struct Revert: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public init(_ restriction: TransferRestriction) { self.reason = restriction.message }
    public var description: String { "execution reverted: \(reason)" }
}
