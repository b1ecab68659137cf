/// The semt.002 (`SecuritiesBalanceCustodyReport`) versions this module reads and writes.
public enum Semt002Version: Int, Hashable, Sendable, Codable, CaseIterable {
    case v11 = 11
    case v12 = 12

    /// The XML namespace of the version's schema.
    public var namespace: String { "urn:iso:std:iso:20022:tech:xsd:semt.002.001.\(rawValue)" }

    /// The version whose namespace is `namespace`.
    public init?(namespace: String) {
        guard let v = Self.allCases.first(where: { $0.namespace == namespace }) else { return nil }
        self = v
    }
}
