/// Auction information published before an uncross (in the manner of ITCH's NOII):
/// the price the book would uncross at now, the quantity that would pair there and
/// what would be left over.
public struct AuctionImbalance: Sendable, Hashable {
    /// Which auction.
    public var kind: AuctionKind
    /// The indicative uncross price, or `nil` when nothing would cross.
    public var indicativePrice: Int64?
    /// The quantity that would execute at the indicative price, in lots.
    public var pairedQuantity: Int64
    /// The quantity that would be left unexecuted at the indicative price, in lots.
    public var imbalanceQuantity: Int64
    /// The side of the surplus, or `nil` when balanced.
    public var imbalanceSide: Side?

    /// Creates an imbalance record.
    public init(
        kind: AuctionKind, indicativePrice: Int64?, pairedQuantity: Int64, imbalanceQuantity: Int64,
        imbalanceSide: Side?
    ) {
        self.kind = kind
        self.indicativePrice = indicativePrice
        self.pairedQuantity = pairedQuantity
        self.imbalanceQuantity = imbalanceQuantity
        self.imbalanceSide = imbalanceSide
    }
}
