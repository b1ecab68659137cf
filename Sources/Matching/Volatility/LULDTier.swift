/// A security's tier under the Limit Up-Limit Down plan.
public enum LULDTier: UInt8, Sendable, Hashable, Codable {
    /// S&P 500, Russell 1000 and selected ETPs: 5% bands above $3.00.
    case tier1 = 1
    /// All other NMS stocks: 10% bands above $3.00.
    case tier2 = 2
}
