/// The file formats statements are imported from.
public enum StatementFormat: Hashable, Sendable, Codable, CustomStringConvertible {
    /// ISO 20022 semt.002 `SctiesBalCtdyRpt` of the given version (11 or 12).
    case semt002(version: Int)
    /// SWIFT MT535 statement of holdings.
    case mt535
    /// The documented CSV layout (docs/custody.md).
    case csv

    public var description: String {
        switch self {
        case .semt002(let v): return "semt.002.001.\(v < 10 ? "0" : "")\(v)"
        case .mt535: return "MT535"
        case .csv: return "CSV"
        }
    }
}
