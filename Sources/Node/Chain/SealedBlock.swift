/// A committed block and its receipts, as the sequencer publishes it (and a follower
/// after importing it), with its markets as the block left them.
public struct SealedBlock: Sendable {
    public let block: Block
    public let receipts: [Receipt]
    /// Each market at the end of the block, its L2 book to `marketDepth` levels a side:
    /// what the `book` and `phase` feeds publish for the block, whatever the sequencer
    /// has executed since in the next one.
    public let markets: [UInt32: MarketView]

    /// The L2 depth kept in `markets`.
    public static let marketDepth = 50

    public init(block: Block, receipts: [Receipt], markets: [UInt32: MarketView] = [:]) {
        self.block = block
        self.receipts = receipts
        self.markets = markets
    }
}
