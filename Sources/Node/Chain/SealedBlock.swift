/// A committed block and its receipts, as the sequencer publishes it.
public struct SealedBlock: Sendable {
    public let block: Block
    public let receipts: [Receipt]

    public init(block: Block, receipts: [Receipt]) {
        self.block = block
        self.receipts = receipts
    }
}
