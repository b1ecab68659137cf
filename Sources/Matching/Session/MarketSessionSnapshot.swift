/// A market's stored form: the book's bytes (`OrderBook.snapshot()`) and the session state.
public struct MarketSessionSnapshot: Sendable, Hashable {
    /// The order book's snapshot bytes.
    public var book: [UInt8]
    /// The session engine's state.
    public var state: SessionState

    public init(book: [UInt8], state: SessionState) {
        self.book = book
        self.state = state
    }
}
