/// Why matching is halted.
public enum HaltReason: UInt8, Sendable, Hashable, Codable {
    /// A LULD limit state lasted its full 15 s: a five-minute trading pause.
    case limitStatePause = 1
    /// A 24x7 market met a price beyond its overnight collar.
    case collar = 2
}
