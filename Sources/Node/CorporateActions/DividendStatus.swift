/// The life of a dividend: declared → recorded (entitlements fixed) → payable → reclaimed.
public enum DividendStatus: UInt8, Sendable, CaseIterable {
    case declared = 0
    case recorded = 1
    case payable = 2
    case reclaimed = 3

    /// The name used in RPC results.
    public var name: String {
        switch self {
        case .declared: return "declared"
        case .recorded: return "recorded"
        case .payable: return "payable"
        case .reclaimed: return "reclaimed"
        }
    }
}
