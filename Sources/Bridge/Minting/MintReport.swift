/// What one `mint` run did.
public struct MintReport: Sendable {
    /// Open intents found at the start (after a crash) and what became of them.
    public var resolved: [MintIntent] = []
    /// Mints committed in this run.
    public var minted: [MintIntent] = []
    /// Deposits found already minted on chain without a journal record of it (recorded now).
    public var foundMinted: [MintIntent] = []
    /// Deposits not minted, with the reason (no token, bad address, reserve exceeded, refused by the node).
    public var refused: [(reference: String, reason: String)] = []
    /// Mints sent whose receipt has not arrived yet (resolved on the next run).
    public var pending: [MintIntent] = []

    public init() {}
}
