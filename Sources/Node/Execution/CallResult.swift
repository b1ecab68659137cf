/// What a successful call returns: ABI-encoded output and the ledger events it caused.
public struct CallResult: Sendable, Equatable {
    public var output: [UInt8]
    public var events: [LedgerEvent]

    public init(output: [UInt8], events: [LedgerEvent] = []) {
        self.output = output
        self.events = events
    }
}
